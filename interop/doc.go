// Package interop holds tests that read leadlex's output with other
// implementations of its file formats (Apache Arrow's Parquet reader).
// It is its own module, so that their dependencies stay out of the
// graph of every program that imports leadlex.
package interop
