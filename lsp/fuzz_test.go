package lsp

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"testing"
)

// FuzzServer feeds arbitrary input to a session: the server must end
// (input is finite), never panic, and write only well-formed frames.
func FuzzServer(f *testing.F) {
	frame := func(s string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(s), s) }
	f.Add(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/a.md","languageId":"markdown","version":1,"text":"Inspire 🚀 the team"}}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x/a.md","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":9},"end":{"line":5,"character":-3}},"text":"x"}]}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x/a.md"},"position":{"line":0,"character":2}}}`) +
		frame(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`))
	f.Add("Content-Length: 5\r\n\r\n{}{}{")
	f.Add("Content-Length: 99999999999999999999\r\n\r\n")
	f.Add("\r\n\r\nContent-Length:3\n\n[1]")
	f.Add(frame(`{"jsonrpc":"2.0","id":{"a":1},"method":"initialize"}`) + frame(`{"jsonrpc":"2.0","id":null,"method":"shutdown"}`))
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		s := New(Options{MaxBytes: 1 << 16})
		s.Run(bytes.NewReader([]byte(in)), &out)
		fr := &frameReader{r: bufio.NewReader(&out), max: 1 << 30}
		for {
			if _, err := fr.read(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("the server wrote a bad frame: %v\n%q", err, out.String())
			}
		}
	})
}
