package check

import "github.com/leadlex/leadlex/corpus"

// Session checks documents one after another with the same scorers, so
// the runs of text they have tokenized stay remembered: checking a text
// again after a small edit costs little. The editor server keeps one per
// policy, the web server a pool. A Session is not safe for concurrent use.
type Session struct {
	c  *Checker
	sc scorers
}

// NewSession returns a session of the checker.
func (c *Checker) NewSession() *Session {
	return &Session{c: c, sc: c.newScorers()}
}

// Check checks one document, as Checker.Check does.
func (s *Session) Check(d corpus.Doc) Document {
	return s.c.check(s.sc, d)
}
