// Package fielderr is the error leadlex's packages return for a bad value
// in an options struct. It names the field (MinHits, Encoding, By), not a
// command-line flag, so that each program can name its own flag or
// setting for it.
package fielderr

import (
	"errors"
	"fmt"
)

// Error is a bad value of the options field Field.
type Error struct {
	Field string // "MinHits"
	Msg   string // "must be 0 or more, got -1", or `"x": why`
	Err   error  // the cause, if any
}

// Error reads "MinHits must be 0 or more, got -1".
func (e *Error) Error() string { return e.Field + " " + e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Rename returns the error a program shows for err: when err is or wraps
// an *Error whose field names maps (to a flag, say), the message names
// that instead of the field; otherwise err itself.
func Rename(err error, names map[string]string) error {
	var fe *Error
	if errors.As(err, &fe) {
		if name, ok := names[fe.Field]; ok {
			return fmt.Errorf("%s %s", name, fe.Msg)
		}
	}
	return err
}
