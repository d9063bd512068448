// Package pipeline is leadlex's one analysis path and its scoring run.
//
// An Analyzer holds a compiled lexicon and label settings, shared by all
// goroutines; a Scorer (one per goroutine) analyses text with it:
// Analyze and AnalyzeDoc tokenize, split sentences, match the lexicon
// (longest match, negation) and score, returning an Analysis with the
// sentences and hits at byte offsets of the text and the filled result
// row. score, check and explain all go through it. Run scores a sequence
// of documents on an ordered pool of workers into a sink, one row per
// document, in input order whatever the number of workers.
package pipeline
