package pipeline

import (
	"io"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/results"
	"github.com/leadlex/leadlex/sections"
)

// Analyzer holds what every worker shares read-only: the compiled lexicon
// and the label settings. Build it once with NewAnalyzer.
type Analyzer struct {
	matcher *matcher
	Labels  LabelOptions
	// CountAll counts boilerplate (equal opportunity, benefits, about the
	// company, how to apply, location and schedule, signatures,
	// disclaimers) toward the score too: --sections all. By default only
	// the role's own wording counts.
	CountAll bool
	// Norms, if set, place each document among a genre's documents: the
	// leadership_percentile and balance_percentile columns.
	Norms *norms.Norms
	// LabelByNorms labels by where balance stands among the norms'
	// documents instead of by balance itself (--label-by norms; see
	// NormsLabel). It needs Norms.
	LabelByNorms bool
}

// NewAnalyzer compiles lex for matching.
func NewAnalyzer(lex *lexicon.Lexicon, labels LabelOptions) *Analyzer {
	return &Analyzer{matcher: compileMatcher(lex), Labels: labels}
}

// Lexicon returns the analyzer's lexicon.
func (a *Analyzer) Lexicon() *lexicon.Lexicon { return a.matcher.lex }

// Hit is one match of a lexicon entry in a text.
type Hit struct {
	Entry      int // index into the lexicon's entries
	Start, End int // byte offsets of the matched words in the text
	Sentence   int // index of the sentence it stands in
	Negated    bool
	// Section is the kind of text the hit stands in; a hit in boilerplate
	// is kept (explain shows it) but does not count unless the analyzer
	// counts all sections.
	Section sections.Kind
	// Counts reports whether the hit counts toward the score.
	Counts bool
}

// Section is a stretch of boilerplate in a text, with byte offsets.
type Section struct {
	Start, End int
	Kind       sections.Kind
	Words      int
}

// Analysis is everything found in one text: its sentences and hits with
// byte offsets into Text, so check and explain can point at them, and the
// row `leadlex score` writes for it. Tokens are not kept (they would take
// some 40 bytes a word); Tokenize gives them with the same offsets.
type Analysis struct {
	Text      string          // the text analysed
	Words     int             // its words
	Sentences []Sentence      // its sentences, in order
	Hits      []Hit           // the lexicon entries found, in order
	Result    *results.Result // its scores per dimension, label and top terms, as score writes them
	// Neutral lists the matches of neutral entries, which used up their
	// words and count for nothing ("human resources", "dental and vision").
	Neutral []Hit
	// Boilerplate lists the stretches of boilerplate found, in text order;
	// their words do not count unless the analyzer counts all sections.
	Boilerplate []Section

	// Positions maps offsets of Text back to lines and columns of the
	// file, when the reader kept them (corpus.Options.Positions).
	Positions *corpus.Positions
}

// Scorer analyses texts for one goroutine: it owns reusable buffers and a
// memory of the runs of text it has tokenized. It is not safe for
// concurrent use; make one per worker.
type Scorer struct {
	an     *Analyzer
	runs   *runTokenizer // remembers the tokens, stems and lexicon starts of runs of text
	toks   []Token
	mtoks  []matchToken
	starts []bool   // per token: an entry can start here
	cues   []uint16 // per token: its sections.Code
	sents  []Sentence
	kinds  sections.Tracker // the section kind of the sentences of the document being analysed
	texts  []string         // scratch: a sentence's tokens as written
	lowers []string         // scratch: a sentence's tokens lower-cased
	parts  []sections.Part  // scratch: a sentence's parts
	chunk  Analysis         // Score's analysis of one chunk
	tally  *tally
	rows   sentenceRows // sentence rows of the document being scored
	totals []int64      // per entry: hits over all documents this scorer scored
}

// maxRunCache bounds the runs of text each worker remembers; the memory is
// kept in two generations (see runTokenizer) so it stays flat however
// varied the corpus.
const maxRunCache = 64_000

// NewScorer returns a Scorer that uses the shared analyzer.
func NewScorer(an *Analyzer) *Scorer {
	return &Scorer{an: an, runs: newRunTokenizer(an.matcher, maxRunCache)}
}

// Analyzer returns the shared analyzer the scorer uses.
func (s *Scorer) Analyzer() *Analyzer { return s.an }

// Analyze analyses a whole text held in memory: its sentences, its hits
// and its scores (Result, a row with no document fields). Offsets are byte
// offsets into text; an empty text scores 0 words, label none. The
// result is fresh and may be kept.
func (s *Scorer) Analyze(text string) *Analysis {
	return s.AnalyzeDoc(corpus.Doc{Text: text})
}

// AnalyzeDoc analyses one document as `leadlex score` scores it, keeping
// what it found. It extracts a Doc read with corpus.Options.DeferExtract,
// reads a streamed Body whole and closes it. A Doc that was not read
// (skipped, failed) gives a Result saying why and nothing else; a Doc with
// no Status (built by hand) counts as read.
func (s *Scorer) AnalyzeDoc(d corpus.Doc) *Analysis {
	defer d.Close()
	d.Extract()
	r := newRow(d)
	if r.Status != results.StatusOK {
		return &Analysis{Result: r}
	}
	text := d.Text
	if d.Body != nil {
		b, err := io.ReadAll(d.Body)
		if err != nil {
			r.Status, r.Error = results.StatusError, ptr(err.Error())
			return &Analysis{Result: r}
		}
		text = string(b)
	}
	out := &Analysis{Text: text, Result: r, Positions: d.Positions}
	s.kinds.Reset()
	forEachChunk(text, func(chunk string, base int, forced bool) {
		s.analyzeChunk(chunk, base, forced, out)
	})
	t := newTally(len(s.an.Lexicon().Entries))
	t.Add(out)
	s.an.fill(r, t)
	return out
}

// newRow starts the row of a document: who it is and whether it was read.
func newRow(d corpus.Doc) *results.Result {
	r := &results.Result{DocID: d.ID, Path: d.Path, Format: d.Format, Bytes: d.Bytes, Status: string(d.Status)}
	switch d.Status {
	case "":
		r.Status = results.StatusOK
	case corpus.OK:
	default:
		r.Error = ptr(d.Reason)
	}
	return r
}

// analyzeChunk tokenizes, segments and matches one chunk of a text that
// starts at byte base, appending to out. When continued is true the chunk
// was cut inside a paragraph, and its first sentence continues the last one
// already in out.
func (s *Scorer) analyzeChunk(chunk string, base int, continued bool, out *Analysis) {
	s.toks, s.mtoks, s.starts, s.cues = s.runs.tokenize(chunk, s.toks[:0], s.mtoks[:0], s.starts[:0], s.cues[:0])
	s.sents = Segment(s.sents[:0], chunk, s.toks)
	m := s.an.matcher
	from := len(out.Sentences) // the chunk's first sentence
	for k, sent := range s.sents {
		idx := len(out.Sentences)
		if k == 0 && continued && idx > 0 {
			idx--
			prev := &out.Sentences[idx]
			prev.End = base + sent.End
			prev.Words += sent.Words
		} else {
			out.Sentences = append(out.Sentences, Sentence{
				Start: base + sent.Start, End: base + sent.End, Words: sent.Words,
				First: -1, Last: -1,
			})
		}
		out.Words += sent.Words
		if k == 0 || sections.BlankLine(chunk[s.sents[k-1].End:sent.Start]) {
			// A chunk starts after a blank line, or inside a paragraph
			// cut by force: either way no gap runs on from the last chunk.
			s.kinds.Paragraph()
		}
		s.parts = s.sectionParts(sent)
		s.fillGap(idx, from, out)
		toks, starts := s.mtoks[sent.First:sent.Last], s.starts[sent.First:sent.Last]
		part := 0
		for i := 0; i < len(toks); {
			if !starts[i] {
				i++
				continue
			}
			entry, n := m.longest(toks, i)
			if n == 0 {
				i++
				continue
			}
			if m.isNeutral(entry) {
				first, last := s.toks[sent.First+i], s.toks[sent.First+i+n-1]
				out.Neutral = append(out.Neutral, Hit{Entry: entry, Start: base + first.Start, End: base + last.End, Sentence: idx})
				i += n
				continue
			}
			if m.entry(entry).Cancel || inTitle(s.toks[sent.First:sent.Last], toks, i, n) {
				// A context rule cancelled the entry here, or it names
				// the subject of a job title ("Head of Performance"):
				// its words are used up and count for neither pole.
				i += n
				continue
			}
			for part < len(s.parts)-1 && s.parts[part].Last <= i {
				part++
			}
			kind := s.parts[part].Kind
			first, last := s.toks[sent.First+i], s.toks[sent.First+i+n-1]
			out.Hits = append(out.Hits, Hit{
				Entry: entry, Start: base + first.Start, End: base + last.End,
				Sentence: idx, Negated: s.negated(toks, i),
				Section: kind, Counts: !kind.Boilerplate() || s.an.CountAll,
			})
			i += n
		}
		s.addBoilerplate(sent, base, out)
	}
}

// sectionParts classifies the parts of one sentence of the current chunk.
func (s *Scorer) sectionParts(sent Sentence) []sections.Part {
	codes := s.cues[sent.First:sent.Last]
	s.texts, s.lowers = s.texts[:0], s.lowers[:0]
	if slices.Contains(codes, sections.GlueCode) { // only then are the words needed
		for k := sent.First; k < sent.Last; k++ {
			s.texts = append(s.texts, s.toks[k].Text)
			s.lowers = append(s.lowers, s.mtoks[k].Lower)
		}
	}
	return s.kinds.SentenceCodes(s.parts[:0], codes, s.texts, s.lowers)
}

// fillGap relabels the sentences before sentence idx that the section
// tracker's gap rule has just turned to boilerplate (sections.Tracker.Filled),
// when they lie in the chunk whose first sentence is from: their hits stop
// counting and they join out.Boilerplate, still in text order, since they
// held no boilerplate part before.
func (s *Scorer) fillGap(idx, from int, out *Analysis) {
	n, kind := s.kinds.Filled()
	if n == 0 || idx-n < from {
		return
	}
	for i := len(out.Hits) - 1; i >= 0 && out.Hits[i].Sentence >= idx-n; i-- {
		if h := &out.Hits[i]; h.Sentence < idx {
			h.Section, h.Counts = kind, s.an.CountAll
		}
	}
	for _, sent := range out.Sentences[idx-n : idx] {
		out.Boilerplate = append(out.Boilerplate, Section{Start: sent.Start, End: sent.End, Kind: kind, Words: sent.Words})
	}
}

// addBoilerplate records the boilerplate parts of a sentence (s.parts) in
// out with their byte offsets and word counts.
func (s *Scorer) addBoilerplate(sent Sentence, base int, out *Analysis) {
	for _, p := range s.parts {
		if !p.Kind.Boilerplate() {
			continue
		}
		words := 0
		for k := sent.First + p.First; k < sent.First+p.Last; k++ {
			if s.toks[k].Word {
				words++
			}
		}
		start, end := base+s.toks[sent.First+p.First].Start, base+s.toks[sent.First+p.Last-1].End
		out.Boilerplate = append(out.Boilerplate, Section{Start: start, End: end, Kind: p.Kind, Words: words})
	}
}

// negated reports whether a negator stands within the window of words
// before toks[i], in the same clause: punctuation (a comma, a dash, a
// semicolon) ends the search. The nearest negator decides; a reversible
// one ("afraid", "hesitates") is undone by another negator before it ("not
// afraid to take risks"). A negator right before an except word ("not
// only") does not count, and negators take no room in the window.
func (s *Scorer) negated(toks []matchToken, i int) bool {
	m := s.an.matcher
	seen, found := 0, 0
	for j := i - 1; j >= 0 && seen < m.negationWindow(); j-- {
		t := toks[j]
		if t.isNegator() {
			if j+1 < i && toks[j+1].undoesNegation() {
				continue
			}
			found++
			if found == 2 || !t.isReversible() {
				return found == 1
			}
			continue
		}
		if t.isWord() {
			seen++
		} else if !isClitic(t.Lower) && !strings.HasPrefix(t.Lower, "'") && t.Lower != `"` {
			break
		}
	}
	return found == 1
}

// Matches returns the entries the words of text hit, left to right, the
// longest match first as in scoring. Text is split as terms are, so
// punctuation is not handled; it serves look-ups such as
// `leadlex lexicon show innovators`.
func (a *Analyzer) Matches(text string) []*lexicon.Entry { return a.matcher.matches(text) }
