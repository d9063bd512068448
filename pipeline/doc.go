// Package pipeline analyses documents: it tokenizes and splits a text into
// sentences, matches a compiled lexicon against it, scores and labels it,
// and runs that over a stream of corpus documents with a pool of workers,
// handing one row per document to a sink.
package pipeline
