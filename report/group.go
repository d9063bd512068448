package report

import (
	"path"
	"reflect"
	"strconv"
	"strings"

	"github.com/leadlex/leadlex/internal/fielderr"
	"github.com/leadlex/leadlex/results"
)

// grouping returns the function that names a row's group for --by, or nil
// for no grouping.
func grouping(by string) (func(*results.Result) string, error) {
	switch {
	case by == "":
		return nil, nil
	case by == "folder":
		return func(r *results.Result) string { return folder(r.DocID, 0) }, nil
	case strings.HasPrefix(by, "folder:"):
		n, err := strconv.Atoi(strings.TrimPrefix(by, "folder:"))
		if err != nil || n < 1 {
			return nil, byErr(by, "want folder:N with N a depth of 1 or more, e.g. folder:2 for jobs/sales")
		}
		return func(r *results.Result) string { return folder(r.DocID, n) }, nil
	}
	return columnGrouping(by)
}

// folder names the folder of a doc_id, cut to its first depth levels
// (0: all of them). Documents at the top are in "(top level)".
func folder(docID string, depth int) string {
	dir := path.Dir(docID)
	if dir == "." || dir == "/" {
		return "(top level)"
	}
	if depth > 0 {
		parts := strings.Split(dir, "/")
		dir = strings.Join(parts[:min(depth, len(parts))], "/")
	}
	return dir
}

// columnGrouping groups by a text or whole-number column of the results
// file, named as in Parquet; a null value is its own group, "(null)".
func columnGrouping(name string) (func(*results.Result) string, error) {
	typ := reflect.TypeFor[results.Result]()
	var usable []string
	var idx []int
	found := false
	for _, c := range results.Columns(typ) {
		col, f := c.Name, c.Field
		ok := false
		switch f.Type.Kind() {
		case reflect.String, reflect.Int32, reflect.Int64:
			ok = true
		case reflect.Pointer:
			ok = f.Type.Elem().Kind() == reflect.String
		}
		if ok {
			usable = append(usable, col)
		}
		if col == name {
			found = true
			if ok {
				idx = f.Index
			}
		}
	}
	switch {
	case !found:
		return nil, byErr(name, "no such column; group by folder, folder:N or one of "+strings.Join(usable, ", "))
	case idx == nil:
		return nil, byErr(name, "cannot group by a column of numbers or lists; group by folder, folder:N or one of "+strings.Join(usable, ", "))
	}
	return func(r *results.Result) string {
		v := reflect.ValueOf(r).Elem().FieldByIndex(idx)
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return "(null)"
			}
			return v.Elem().String()
		case reflect.String:
			if v.String() == "" {
				return "(empty)"
			}
			return v.String()
		}
		return strconv.FormatInt(v.Int(), 10)
	}, nil
}

// byErr is the error for a bad Options.By (the CLI's --by).
func byErr(by, why string) error {
	return &fielderr.Error{Field: "By", Msg: by + ": " + why}
}
