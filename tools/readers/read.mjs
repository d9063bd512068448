// Reads leadlex results files with DuckDB and hyparquet (with and without
// its compressors) and fails when a reader that should open a file cannot,
// or when readers disagree on what is in it. Run by `make readers`.
import fs from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

const pkg = (name) => JSON.parse(fs.readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version
const duck = await (await DuckDBInstance.create(':memory:')).connect()
const duckVersion = (await duck.runAndReadAll('select version()')).getRows()[0][0]
console.log(`node ${process.version}; duckdb ${duckVersion} (@duckdb/node-api ${pkg('@duckdb/node-api')}); hyparquet ${pkg('hyparquet')}; hyparquet-compressors ${pkg('hyparquet-compressors')}`)

let failed = 0
for (const file of process.argv.slice(2)) {
  const rows = (await duck.runAndReadAll(`select doc_id, label, status, len(dimensions) as dims from read_parquet('${file}') order by doc_id`)).getRowObjects()
  const want = JSON.stringify(rows.map(r => [r.doc_id, r.label, r.status, Number(r.dims)]))
  const results = [`duckdb ${rows.length} rows`]
  for (const [name, opts] of [['hyparquet', {}], ['hyparquet+compressors', { compressors }]]) {
    try {
      const got = await parquetReadObjects({ file: await asyncBufferFromFile(file), ...opts })
      got.sort((a, b) => a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0)
      const same = JSON.stringify(got.map(r => [r.doc_id, r.label, r.status, r.dimensions.length])) === want
      results.push(`${name} ${same ? 'same rows' : 'DIFFERENT rows'}`)
      if (!same) failed++
    } catch (e) {
      // Plain hyparquet has no zstd or gzip codec: expected for those files.
      const expected = name === 'hyparquet' && /unsupported compression codec: (ZSTD|GZIP)/.test(e.message)
      results.push(`${name} ${expected ? 'no codec (expected)' : 'FAILED: ' + e.message}`)
      if (!expected) failed++
    }
  }
  console.log(`${file}: ${results.join('; ')}`)
}
process.exit(failed ? 1 : 0)
