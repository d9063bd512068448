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
)

// jsonlRecords yields one Doc per non-blank line of a JSON Lines stream.
// A line is an object whose text field (--text-field) holds the text, or a
// JSON string that is the text itself. The Doc's ID is "path#N" with N the
// line number, or "path#ID" when --id-field names a field the record has.
// A line that is not valid JSON, lacks the text field or is too large is
// a Doc with status error or skipped; the lines after it are still read.
func (s *source) jsonlRecords(r io.Reader, dec decoding, yield func(Doc) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	limit := s.cfg.maxBytes()
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

// jsonlRecord turns one line into a Doc.
func (s *source) jsonlRecord(n int, line []byte, size int64, dec decoding) Doc {
	text, err := dec.decode(line)
	if err != nil {
		return s.recordText(s.record(n, "", size), line, dec) // reports the decoding error
	}
	value, err := parseJSONLine(text)
	if err != nil {
		d := s.record(n, "", size)
		d.Status, d.Reason = Failed, err.Error()
		return d
	}
	if str, ok := value.(string); ok {
		return s.recordText(s.record(n, "", size), []byte(str), utf8Only)
	}
	obj, ok := value.(map[string]any)
	if !ok {
		d := s.record(n, "", size)
		d.Status, d.Reason = Failed, fmt.Sprintf("the line holds a JSON %s, not an object with a %q field", jsonKind(value), s.cfg.TextField)
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
	if !ok || v == nil {
		d.Status, d.Reason = Failed, fmt.Sprintf("no %q field (fields: %s); choose one with --text-field", s.cfg.TextField, fieldList(obj))
		return d
	}
	body, ok := textValue(v)
	if !ok {
		d.Status, d.Reason = Failed, fmt.Sprintf("field %q is a JSON %s, not text", s.cfg.TextField, jsonKind(v))
		return d
	}
	return s.recordText(d, []byte(body), utf8Only)
}

// parseJSONLine parses one JSON value, which must fill the line.
func parseJSONLine(line string) (any, error) {
	d := json.NewDecoder(strings.NewReader(line))
	d.UseNumber()
	var v any
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
func lookupField(obj map[string]any, name string) (any, bool) {
	if v, ok := obj[name]; ok {
		return v, true
	}
	var cur any = obj
	for part := range strings.SplitSeq(name, ".") {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[part]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// textValue reads a text field: a string, or an array of strings (joined
// as paragraphs).
func textValue(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []any:
		parts := make([]string, 0, len(v))
		for _, p := range v {
			s, ok := p.(string)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "\n\n"), true
	}
	return "", false
}

// idString renders an id field: strings and numbers as written; other
// kinds give no id.
func idString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	}
	return ""
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	}
	return "object"
}

// fieldList names an object's fields, sorted, for messages.
func fieldList(obj map[string]any) string {
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
