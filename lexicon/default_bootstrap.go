//go:build genlexicon

package lexicon

// defaultLexicon stands in for default_gen.go while tools/genlexicon, built
// with the tag genlexicon, writes it: the generator needs only Parse, and
// an old default_gen.go that no longer compiles must not stop it.
var defaultLexicon Lexicon
