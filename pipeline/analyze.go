package pipeline

import (
	"strings"

	"github.com/leadlex/leadlex/lexicon"
)

// Analyzer holds what every worker shares read-only: the compiled lexicon
// and the label settings. Build it once with NewAnalyzer.
type Analyzer struct {
	Matcher *lexicon.Matcher
	Labels  LabelOptions
}

// NewAnalyzer compiles lex for matching.
func NewAnalyzer(lex *lexicon.Lexicon, labels LabelOptions) *Analyzer {
	return &Analyzer{Matcher: lexicon.Compile(lex), Labels: labels}
}

// Lexicon returns the analyzer's lexicon.
func (a *Analyzer) Lexicon() *lexicon.Lexicon { return a.Matcher.Lexicon() }

// Hit is one match of a lexicon entry in a text.
type Hit struct {
	Entry      int // index into the lexicon's entries
	Start, End int // byte offsets of the matched words in the text
	Sentence   int // index of the sentence it stands in
	Negated    bool
}

// Analysis is everything found in one text: its sentences and hits with
// byte offsets, so check and explain can point at them.
type Analysis struct {
	Words     int
	Sentences []Sentence
	Hits      []Hit
}

// Scorer analyses texts for one goroutine: it owns reusable buffers and a
// memory of the runs of text it has tokenized. It is not safe for
// concurrent use; make one per worker.
type Scorer struct {
	an     *Analyzer
	runs   *runTokenizer // remembers the tokens, stems and lexicon starts of runs of text
	toks   []Token
	mtoks  []lexicon.Token
	starts []bool // per token: an entry can start here
	sents  []Sentence
	chunk  Analysis // Score's analysis of one chunk
	tally  *Tally
	rows   sentenceRows // sentence rows of the document being scored
	totals []int64      // per entry: hits over all documents this scorer scored
}

// maxRunCache bounds the runs of text each worker remembers; the memory is
// kept in two generations (see runTokenizer) so it stays flat however
// varied the corpus.
const maxRunCache = 64_000

// NewScorer returns a Scorer that uses the shared analyzer.
func NewScorer(an *Analyzer) *Scorer {
	return &Scorer{an: an, runs: newRunTokenizer(an.Matcher, maxRunCache)}
}

// Analyzer returns the shared analyzer the scorer uses.
func (s *Scorer) Analyzer() *Analyzer { return s.an }

// Analyze finds the sentences and hits of a whole text held in memory.
// Offsets in the result are byte offsets into text. The result is fresh
// and may be kept.
func (s *Scorer) Analyze(text string) *Analysis {
	out := &Analysis{}
	forEachChunk(text, func(chunk string, base int, forced bool) {
		s.analyzeChunk(chunk, base, forced, out)
	})
	return out
}

// analyzeChunk tokenizes, segments and matches one chunk of a text that
// starts at byte base, appending to out. When continued is true the chunk
// was cut inside a paragraph, and its first sentence continues the last one
// already in out.
func (s *Scorer) analyzeChunk(chunk string, base int, continued bool, out *Analysis) {
	s.toks, s.mtoks, s.starts = s.runs.tokenize(chunk, s.toks[:0], s.mtoks[:0], s.starts[:0])
	s.sents = Segment(s.sents[:0], chunk, s.toks)
	m := s.an.Matcher
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
		toks, starts := s.mtoks[sent.First:sent.Last], s.starts[sent.First:sent.Last]
		for i := 0; i < len(toks); {
			if !starts[i] {
				i++
				continue
			}
			entry, n := m.Longest(toks, i)
			if n == 0 {
				i++
				continue
			}
			if m.Entry(entry).Cancel {
				// A context rule cancelled the entry here: its words are
				// used up and count for neither pole.
				i += n
				continue
			}
			first, last := s.toks[sent.First+i], s.toks[sent.First+i+n-1]
			out.Hits = append(out.Hits, Hit{
				Entry: entry, Start: base + first.Start, End: base + last.End,
				Sentence: idx, Negated: s.negated(toks, i),
			})
			i += n
		}
	}
}

// negated reports whether a negator stands within the window of words
// before toks[i], in the same clause: punctuation (a comma, a dash, a
// semicolon) ends the search. The nearest negator decides; a reversible
// one ("afraid", "hesitates") is undone by another negator before it ("not
// afraid to take risks"). A negator right before an except word ("not
// only") does not count, and negators take no room in the window.
func (s *Scorer) negated(toks []lexicon.Token, i int) bool {
	m := s.an.Matcher
	seen, found := 0, 0
	for j := i - 1; j >= 0 && seen < m.NegationWindow(); j-- {
		t := toks[j]
		if m.IsNegator(t.Lower) {
			if j+1 < i && m.UndoesNegation(toks[j+1].Lower) {
				continue
			}
			found++
			if found == 2 || !m.IsReversible(t.Lower) {
				return found == 1
			}
			continue
		}
		if t.Stem != "" {
			seen++
		} else if !isClitic(t.Lower) && !strings.HasPrefix(t.Lower, "'") && t.Lower != `"` {
			break
		}
	}
	return found == 1
}
