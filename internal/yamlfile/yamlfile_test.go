package yamlfile

import (
	"errors"
	"testing"
)

func TestDocumentErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", " \n", "f.yaml: file is empty; expected a thing"},
		{"only a comment", "# nothing\n", "f.yaml: file is empty; expected a thing"},
		{"syntax", "a: [unclosed\n", "f.yaml:1: invalid YAML: did not find expected ',' or ']'"},
		{"alias", "a: &x 1\nb: *x\n", "f.yaml:2:4: aliases are not supported (*x): write the value out where it is used"},
		{"nested alias", "a: &x [1]\nb:\n  - c: *x\n", "f.yaml:3:8: aliases are not supported (*x)"},
		{"merge key", "a: &x {k: 1}\nb:\n  <<: *x\n", "f.yaml:3:7: aliases are not supported (*x)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := File{Name: "f.yaml"}.Document([]byte(tt.src), "a thing")
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if got := err.Error(); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
		})
	}
}

func TestFields(t *testing.T) {
	f := File{Name: "f.yaml"}
	var got []string
	handlers := Handlers{
		"name": func(n *Node) error { got = append(got, "name="+n.Value); return nil },
		"size": func(n *Node) error { got = append(got, "size="+n.Value); return nil },
	}
	tests := []struct {
		name, src, want string
	}{
		{"ok", "name: a\nsize: 2\n", ""},
		{"unknown key", "name: a\nsise: 2\n", `f.yaml:2:1: thing: unknown field "sise"; expected one of name, size`},
		{"repeated key", "name: a\nname: b\n", `f.yaml:2:1: thing: field "name" appears twice`},
		{"not a mapping", "- a\n", "f.yaml:1:1: thing: expected a mapping (key: value) with name, size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			root, err := f.Document([]byte(tt.src), "a thing")
			if err != nil {
				t.Fatal(err)
			}
			err = f.Fields(root, "thing", handlers)
			if tt.want == "" {
				if err != nil || len(got) != 2 || got[0] != "name=a" || got[1] != "size=2" {
					t.Errorf("got %v, %v; want [name=a size=2] and no error", got, err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "f", Msg: "m"}, "f: m"},
		{Error{File: "f", Line: 3, Msg: "m"}, "f:3: m"},
		{Error{File: "f", Line: 3, Column: 4, Msg: "m"}, "f:3:4: m"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.e, got, tt.want)
		}
	}
}
