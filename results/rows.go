package results

// Status of a row: every input file (or record) gets one row, scored or
// saying why not.
const (
	StatusOK      = "ok"
	StatusSkipped = "skipped"
	StatusError   = "error"
)

// Labels a scored document (or sentence) can get.
const (
	LabelLeadership = "leadership"
	LabelManagement = "management"
	LabelBalanced   = "balanced"
	LabelNone       = "none"
)

// Labels lists the labels in the order summaries print them.
var Labels = []string{LabelLeadership, LabelManagement, LabelBalanced, LabelNone}

// Result is one row of the results file: one document's scores, or why it
// has none. Field order and tags are the Parquet contract (see docs/RESULTS.md);
// the type's name is the Parquet schema's name, so it stays Result.
type Result struct {
	DocID     string `parquet:"doc_id" json:"doc_id"`
	Path      string `parquet:"path" json:"path"`
	Format    string `parquet:"format,dict" json:"format"`
	Bytes     int64  `parquet:"bytes" json:"bytes"`
	Words     int32  `parquet:"words" json:"words"`
	Sentences int32  `parquet:"sentences" json:"sentences"`
	Hits
	LeadershipPer1k float64          `parquet:"leadership_per_1k" json:"leadership_per_1k"`
	ManagementPer1k float64          `parquet:"management_per_1k" json:"management_per_1k"`
	Balance         *float64         `parquet:"balance,optional" json:"balance"`
	Label           string           `parquet:"label,dict" json:"label"`
	Confidence      float64          `parquet:"confidence" json:"confidence"`
	Dimensions      []DimensionScore `parquet:"dimensions,list" json:"dimensions"`
	TopTerms        []TermCount      `parquet:"top_terms,list" json:"top_terms"`
	Status          string           `parquet:"status,dict" json:"status"`
	Error           *string          `parquet:"error,optional" json:"error"`
	ScoredWords     int32            `parquet:"scored_words" json:"scored_words"`
	Excluded        []ExcludedWords  `parquet:"excluded,list" json:"excluded"`
	// Percentiles of leadership_per_1k and balance among the documents of
	// the norms chosen with --norms (a genre); null without norms, and
	// balance_percentile null when balance is.
	LeadershipPercentile *float64 `parquet:"leadership_percentile,optional" json:"leadership_percentile"`
	BalancePercentile    *float64 `parquet:"balance_percentile,optional" json:"balance_percentile"`
}

// SentenceRow is one row of the sentences file: one sentence of a scored
// document with the hits in it. Field order, tags and the type's name are
// the Parquet contract (see docs/RESULTS.md).
type SentenceRow struct {
	DocID         string `parquet:"doc_id" json:"doc_id"`
	SentenceIndex int32  `parquet:"sentence_index" json:"sentence_index"`
	ByteRange
	Text  string `parquet:"text" json:"text"`
	Words int32  `parquet:"words" json:"words"`
	Hits
	Dimensions []DimensionScore `parquet:"dimensions,list" json:"dimensions"`
	Terms      []TermCount      `parquet:"terms,list" json:"terms"`
	Label      string           `parquet:"label,dict" json:"label"`
}

// ByteRange is where a sentence stands in its document's scored text:
// from the start of its first token to the end of its last. SentenceRow
// embeds it; its fields are the columns byte_start and byte_end.
type ByteRange struct {
	ByteStart int64 `parquet:"byte_start" json:"byte_start"`
	ByteEnd   int64 `parquet:"byte_end" json:"byte_end"`
}

// Len is the range's length in bytes: the sentence's full length, which
// its text may fall short of (the text column is capped; the range is not).
func (r ByteRange) Len() int64 { return r.ByteEnd - r.ByteStart }

// Hits is the weighted hits of a document or a sentence, per pole, and
// those left out of both poles as negated. Result and SentenceRow embed it:
// its fields are their columns (Parquet and encoding/json flatten an
// embedded struct), in the same place in both.
type Hits struct {
	LeadershipHits float64 `parquet:"leadership_hits" json:"leadership_hits"`
	ManagementHits float64 `parquet:"management_hits" json:"management_hits"`
	NegatedHits    float64 `parquet:"negated_hits" json:"negated_hits"`
}

// The element types of the list columns: a Parquet LIST of these groups,
// in JSON Lines an array of objects, in CSV that array as JSON text. By name.
type (
	// DimensionScore is the weighted hits of one dimension, per pole.
	DimensionScore struct {
		Name       string  `parquet:"name,dict" json:"name"`
		Leadership float64 `parquet:"leadership" json:"leadership"`
		Management float64 `parquet:"management" json:"management"`
	}

	// ExcludedWords is how many words of one kind of boilerplate (see
	// package sections) were left out of a document's score.
	ExcludedWords struct {
		Kind  string `parquet:"kind" json:"kind"`
		Words int32  `parquet:"words" json:"words"`
	}

	// TermCount is how often one lexicon entry was hit (not negated).
	TermCount struct {
		Term      string `parquet:"term,dict" json:"term"`
		Pole      string `parquet:"pole,dict" json:"pole"`
		Dimension string `parquet:"dimension,dict" json:"dimension"`
		Count     int32  `parquet:"count" json:"count"`
	}
)
