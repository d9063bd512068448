// Package results owns everything about leadlex's output files: the row
// types of the results file (one Result per input document) and of the
// sentences file (one SentenceRow per sentence), their status and label
// values, the schema version and metadata keys, the writers (Parquet with
// zstd, JSON Lines and CSV, all through one FileSink), AtomicFile, which
// never leaves a half-written file at its destination, and Open, which
// reads a results file back.
//
// The analysis (package pipeline) fills rows; it does not know about
// files. Field order and tags of Row and SentenceRow are the file contract:
// a change to them bumps SchemaVersion (see TestSchemaGolden).
package results
