// Command funclen fails when a non-test Go function is too long: it lists
// every function or method, outside _test.go files, whose body runs over
// -max lines (the lines between its opening and closing brace).
//
//	go run ./tools/funclen            # the current module, from its root
//	go run ./tools/funclen -max 80 ./pipeline ./check
//
// Generated files (with the standard "Code generated ... DO NOT EDIT."
// header) are skipped: nobody edits them by hand.
// Folders named testdata, vendor, or starting with . or _ are skipped, and
// so are folders holding their own go.mod (another module checks itself).
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and outputs; it returns the exit
// code: 0 when every function fits, 1 when some do not, 2 on a bad call.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("funclen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	limit := fl.Int("max", 80, "the most body lines a function may have")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	roots := fl.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var long []Func
	for _, root := range roots {
		found, err := LongFuncs(root, *limit)
		if err != nil {
			fmt.Fprintln(stderr, "funclen:", err)
			return 2
		}
		long = append(long, found...)
	}
	for _, f := range long {
		fmt.Fprintf(stdout, "%s:%d: %s is %d lines long (at most %d)\n", f.File, f.Line, f.Name, f.Lines, *limit)
	}
	if len(long) > 0 {
		fmt.Fprintf(stdout, "%d function(s) over %d lines: split them into named steps\n", len(long), *limit)
		return 1
	}
	return 0
}

// Func is a function whose body is too long.
type Func struct {
	File  string
	Line  int    // line of the func keyword
	Name  string // Name, or (Recv).Name for a method
	Lines int    // lines between the braces
}

// LongFuncs walks root and returns the functions in its non-test .go files
// whose bodies are over limit lines, by file and line.
func LongFuncs(root string, limit int) ([]Func, error) {
	var out []Func
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && skipDir(path, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		found, err := longInFile(fset, path, limit)
		out = append(out, found...)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, err
}

// skipDir reports whether the folder at path is not this module's code.
func skipDir(path, name string) bool {
	if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return true
	}
	_, err := os.Stat(filepath.Join(path, "go.mod"))
	return err == nil
}

// longInFile parses one file and returns its functions over limit lines.
func longInFile(fset *token.FileSet, path string, limit int) ([]Func, error) {
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution|parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if ast.IsGenerated(f) {
		return nil, nil
	}
	var out []Func
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		n := fset.Position(fn.Body.Rbrace).Line - fset.Position(fn.Body.Lbrace).Line - 1
		if n > limit {
			out = append(out, Func{File: path, Line: fset.Position(fn.Pos()).Line, Name: funcName(fn), Lines: n})
		}
	}
	return out, nil
}

// funcName is fn's name, with its receiver type for a method.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch r := t.(type) {
	case *ast.IndexExpr:
		t = r.X
	case *ast.IndexListExpr:
		t = r.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fn.Name.Name
	}
	return fn.Name.Name
}
