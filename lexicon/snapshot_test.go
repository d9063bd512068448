package lexicon

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestDefaultGenerated fails when default.gob no longer holds what Parse
// makes of default.yaml: every field, the unexported ones (set* flags and
// stems) too.
func TestDefaultGenerated(t *testing.T) {
	want, err := Parse("default.yaml", DefaultSource())
	if err != nil {
		t.Fatalf("parse default.yaml: %v", err)
	}
	got := Default()
	if len(got.stems) == 0 {
		t.Fatal("default.gob holds no stems")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("default.gob differs from default.yaml (%s): run go generate ./lexicon", firstDifference(got, want))
	}
}

// firstDifference names the first field in which got and want differ.
func firstDifference(got, want *Lexicon) string {
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := range g.NumField() {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			return "field " + g.Type().Field(i).Name
		}
	}
	return "no field"
}

// TestDefaultCopies checks that changing what Default returns leaves the
// next Default alone.
func TestDefaultCopies(t *testing.T) {
	first := Default()
	rule := slices.IndexFunc(first.Entries, func(e Entry) bool { return len(e.Context) > 0 })
	if rule < 0 || len(first.Entries[rule].Context[0].Before)+len(first.Entries[rule].Context[0].After) == 0 {
		t.Fatal("the default lexicon has no entry with a context rule phrase to change")
	}
	first.Entries[0].Term = "changed"
	first.Neutral[0].Term = "changed"
	first.Skip[0], first.Agents[0], first.Negation.Words[0] = "changed", "changed", "changed"
	first.Sources[0].Title, first.Dimensions[0].Name, first.Files[0] = "changed", "changed", "changed"
	r := &first.Entries[rule].Context[0]
	r.Pole = "changed"
	if len(r.Before) > 0 {
		r.Before[0] = "changed"
	} else {
		r.After[0] = "changed"
	}
	want, err := Parse("default.yaml", DefaultSource())
	if err != nil {
		t.Fatalf("parse default.yaml: %v", err)
	}
	if got := Default(); !reflect.DeepEqual(got, want) {
		t.Fatalf("changing one Default() changed the next (%s)", firstDifference(got, want))
	}
}

// TestReadSnapshotBroken checks that a cut or foreign snapshot is an error,
// not a half-filled lexicon.
func TestReadSnapshotBroken(t *testing.T) {
	var buf bytes.Buffer
	if err := Default().WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":   nil,
		"cut":     buf.Bytes()[:buf.Len()/2],
		"foreign": []byte("name: not a gob\n"),
	} {
		if l, err := readSnapshot(data); err == nil {
			t.Errorf("%s: no error, lexicon %q", name, l.Name)
		}
	}
}

// TestSnapshotKeepsUnexported checks that a snapshot keeps the set* flags
// (default.yaml sets none of them) and the stems.
func TestSnapshotKeepsUnexported(t *testing.T) {
	want := Default()
	want.setSkip, want.setNegation, want.setAgents = true, true, true
	want.stems["zzz-test-word"] = "zzz-test-stem"
	var buf bytes.Buffer
	if err := want.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := readSnapshot(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the snapshot changed the lexicon (%s)", firstDifference(got, want))
	}
}

// TestDefaultConcurrent calls Default from many goroutines at once (run
// with -race): each gets its own lexicon, equal to the others.
func TestDefaultConcurrent(t *testing.T) {
	want := Default()
	got := make([]*Lexicon, 16)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = Default()
			got[i].Entries[0].Term = "changed by " + strconv.Itoa(i) // writes only its own copy
		}()
	}
	wg.Wait()
	for i, l := range got {
		l.Entries[0].Term = want.Entries[0].Term
		if !reflect.DeepEqual(l, want) {
			t.Fatalf("goroutine %d's Default differs (%s)", i, firstDifference(l, want))
		}
	}
}

// TestDefaultBrokenPanics checks that a broken embedded default.gob panics
// with a message that says what to run.
func TestDefaultBrokenPanics(t *testing.T) {
	saved := defaultGob
	defer func() { defaultGob = saved }()
	defaultGob = saved[:len(saved)/2]
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, "default.gob is broken") || !strings.Contains(msg, "go generate ./lexicon") {
			t.Fatalf("panic %q, want one naming default.gob and go generate", msg)
		}
	}()
	Default()
	t.Fatal("Default did not panic on a broken default.gob")
}
