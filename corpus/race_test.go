//go:build race

package corpus

func init() { timeFactor = 8 } // the race detector slows parsing several times over
