package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// jsonlRecords yields one Doc per non-blank line of a JSON Lines stream.
// A line is an object whose text field (--text-field) holds the text, or a
// JSON string that is the text itself. The Doc's ID is "path#N" with N the
// line number, or "path#ID" when --id-field names a field the record has.
// A line that is not valid JSON, lacks the text field or is too large is
// a Doc with status error or skipped; the lines after it are still read.
func (s *source) jsonlRecords(r io.Reader, dec decoding, yield func(Doc) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	limit := s.cfg.maxWhole()
	var line []byte
	for n := 1; ; n++ {
		var size int64
		var err error
		line, size, err = readLine(br, line[:0], limit)
		if size == 0 && errors.Is(err, io.EOF) {
			return true
		}
		if err != nil && !errors.Is(err, io.EOF) {
			d := s.record(n, "", size)
			d.Status, d.Reason = Failed, fmt.Sprintf("cannot read line %d: %s; the rest of the file was not read", n, describe(err))
			return yield(d)
		}
		if size > limit+2 || int64(len(line)) > limit { // +2: the line break
			if !yield(s.tooLarge(s.record(n, "", size))) {
				return false
			}
			continue
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if !yield(s.jsonlRecord(n, line, size, dec)) {
				return false
			}
		}
		if err != nil { // io.EOF after a last line without a line break
			return true
		}
	}
}

// readLine reads one line into buf (without its line break) and returns
// it with the number of bytes it took in the stream, line break included.
// A line longer than limit is read to its end but not kept.
func readLine(br *bufio.Reader, buf []byte, limit int64) ([]byte, int64, error) {
	var size int64
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= limit+2 {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte{'\n'})
		buf = bytes.TrimSuffix(buf, []byte{'\r'})
		return buf, size, err
	}
}

// jsonlRecord turns one line into a Doc. Only the fields asked for are
// decoded; the rest of the record is checked but not unpacked.
func (s *source) jsonlRecord(n int, line []byte, size int64, dec decoding) Doc {
	text, err := dec.decode(line)
	if err != nil {
		return s.recordText(s.record(n, "", size), line, dec) // reports the decoding error
	}
	var obj map[string]json.RawMessage
	// Unmarshal neither keeps nor changes its input: no copy of a long line.
	if err := json.Unmarshal(unsafe.Slice(unsafe.StringData(text), len(text)), &obj); err != nil { // not an object: find out what it is
		value, err := parseJSONLine(text)
		d := s.record(n, "", size)
		switch {
		case err != nil:
			d.Status, d.Reason = Failed, err.Error()
		case jsonKind(value) == "string":
			body, _ := textValue(value)
			d = s.recordString(d, body)
		default:
			d.Status, d.Reason = Failed, fmt.Sprintf("the line holds a JSON %s, not an object with a %q field", jsonKind(value), s.cfg.TextField)
		}
		return d
	}
	if obj == nil { // the line is null
		d := s.record(n, "", size)
		d.Status, d.Reason = Failed, fmt.Sprintf("the line holds a JSON null, not an object with a %q field", s.cfg.TextField)
		return d
	}
	id := ""
	if s.cfg.IDField != "" {
		if v, ok := lookupField(obj, s.cfg.IDField); ok {
			id = idString(v)
		}
	}
	d := s.record(n, id, size)
	v, ok := lookupField(obj, s.cfg.TextField)
	if !ok || jsonKind(v) == "null" {
		d.Status, d.Reason = Failed, fmt.Sprintf("no %q field (fields: %s); choose one with --text-field", s.cfg.TextField, fieldList(obj))
		return d
	}
	body, ok := textValue(v)
	if !ok {
		d.Status, d.Reason = Failed, fmt.Sprintf("field %q is a JSON %s, not text", s.cfg.TextField, jsonKind(v))
		return d
	}
	return s.recordString(d, body)
}

// parseJSONLine checks that the line holds one JSON value and returns it
// undecoded, without surrounding white space.
func parseJSONLine(line string) (json.RawMessage, error) {
	d := json.NewDecoder(strings.NewReader(line))
	var v json.RawMessage
	if err := d.Decode(&v); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("invalid JSON: the line ends inside a value")
		}
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("invalid JSON: more than one value on the line")
	}
	return v, nil
}

// lookupField finds a field by its name, or by a dotted path through
// nested objects and arrays ("post.body", "paragraphs.0").
func lookupField(obj map[string]json.RawMessage, name string) (json.RawMessage, bool) {
	if v, ok := obj[name]; ok {
		return v, true
	}
	var cur json.RawMessage
	for i, part := range strings.Split(name, ".") {
		if i == 0 {
			v, ok := obj[part]
			if !ok {
				return nil, false
			}
			cur = v
			continue
		}
		switch jsonKind(cur) {
		case "object":
			var m map[string]json.RawMessage
			if json.Unmarshal(cur, &m) != nil {
				return nil, false
			}
			v, ok := m[part]
			if !ok {
				return nil, false
			}
			cur = v
		case "array":
			var a []json.RawMessage
			k, err := strconv.Atoi(part)
			if err != nil || json.Unmarshal(cur, &a) != nil || k < 0 || k >= len(a) {
				return nil, false
			}
			cur = a[k]
		default:
			return nil, false
		}
	}
	return cur, true
}

// textValue reads a text field: a string, or an array of strings (joined
// as paragraphs).
func textValue(v json.RawMessage) (string, bool) {
	switch jsonKind(v) {
	case "string":
		var s string
		return s, json.Unmarshal(v, &s) == nil
	case "array":
		var parts []string
		if json.Unmarshal(v, &parts) != nil {
			return "", false
		}
		return strings.Join(parts, "\n\n"), true
	}
	return "", false
}

// idString renders an id field: strings and numbers as written; other
// kinds give no id.
func idString(v json.RawMessage) string {
	switch jsonKind(v) {
	case "string":
		var s string
		json.Unmarshal(v, &s)
		return strings.TrimSpace(s)
	case "number":
		return string(v)
	}
	return ""
}

// jsonKind names the kind of a JSON value from its first byte.
func jsonKind(v json.RawMessage) string {
	if len(v) == 0 {
		return "null"
	}
	switch v[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// fieldList names an object's fields, sorted, for messages.
func fieldList(obj map[string]json.RawMessage) string {
	if len(obj) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, strconv.Quote(k))
	}
	slices.Sort(keys)
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	return strings.Join(keys, ", ")
}
