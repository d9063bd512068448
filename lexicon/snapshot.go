package lexicon

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"io"
	"maps"
	"slices"
)

// snapshot is a Lexicon in the form encoding/gob stores it. Gob keeps only
// exported fields and writes maps in random order, so the set* flags are
// spelled out and the stems map becomes two slices sorted by word: the same
// lexicon always encodes to the same bytes.
type snapshot struct {
	Lexicon                         Lexicon // the exported fields
	SetSkip, SetNegation, SetAgents bool
	StemWords, Stems                []string // stems[StemWords[i]] == Stems[i]
}

// WriteSnapshot writes l, every field of it (the unexported ones too), to w
// in encoding/gob; the same lexicon always gives the same bytes in a
// process that has encoded or decoded no other gob type before (gob numbers
// types per process, in the order it first meets them), as tools/genlexicon,
// which writes default.gob with it, has not.
func (l *Lexicon) WriteSnapshot(w io.Writer) error {
	s := snapshot{Lexicon: *l, SetSkip: l.setSkip, SetNegation: l.setNegation, SetAgents: l.setAgents}
	s.StemWords = slices.Sorted(maps.Keys(l.stems))
	s.Stems = make([]string, len(s.StemWords))
	for i, w := range s.StemWords {
		s.Stems[i] = l.stems[w]
	}
	if err := gob.NewEncoder(w).Encode(&s); err != nil {
		return fmt.Errorf("encode lexicon %s: %w", l.Name, err)
	}
	return nil
}

// readSnapshot decodes what WriteSnapshot wrote into a new Lexicon.
func readSnapshot(data []byte) (*Lexicon, error) {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, fmt.Errorf("decode lexicon snapshot: %w", err)
	}
	if len(s.StemWords) != len(s.Stems) {
		return nil, fmt.Errorf("decode lexicon snapshot: %d stemmed words but %d stems", len(s.StemWords), len(s.Stems))
	}
	l := &s.Lexicon
	l.setSkip, l.setNegation, l.setAgents = s.SetSkip, s.SetNegation, s.SetAgents
	l.stems = make(map[string]string, len(s.StemWords))
	for i, w := range s.StemWords {
		l.stems[w] = s.Stems[i]
	}
	return l, nil
}
