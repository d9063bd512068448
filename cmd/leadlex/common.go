package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/buildinfo"
	"github.com/leadlex/leadlex/internal/capped"
	"github.com/leadlex/leadlex/internal/fielderr"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
)

// analysisFlags are the flags of every command that scores text.
type analysisFlags struct {
	lexicons       []string
	labels         pipeline.LabelOptions
	negationWindow int      // used when --negation-window is set
	negators       []string // used when --negators is set
	sections       string   // --sections: role (the default) or all
	norms          string   // --norms: embedded norms name or file; "" for none
	labelBy        string   // --label-by: balance (the default) or norms
	flags          *pflag.FlagSet
}

func (f *analysisFlags) register(fs *pflag.FlagSet) {
	f.labels = pipeline.DefaultLabels
	f.flags = fs
	fs.StringArrayVar(&f.lexicons, "lexicon", nil,
		"lexicon file (YAML); repeat to extend: later files add entries and override equal ones; 'default' is the built-in lexicon")
	fs.Float64Var(&f.labels.MinHits, "min-hits", f.labels.MinHits, "weighted hits below which a document is labelled none")
	fs.Float64Var(&f.labels.Margin, "margin", f.labels.Margin, "balance needed for a one-sided label: >= margin is leadership, <= -margin management")
	fs.IntVar(&f.labels.TopTerms, "top-terms", f.labels.TopTerms, "how many terms to keep in top_terms")
	fs.IntVar(&f.negationWindow, "negation-window", 0,
		"words before a hit searched for a negator; 0 turns negation off (default: the lexicon's, 3 in the built-in one)")
	fs.StringSliceVar(&f.negators, "negators", nil,
		"comma-separated words that negate a hit shortly after them, replacing the lexicon's lists (reversible negators such as 'afraid' included; e.g. not,never,without)")
	fs.StringVar(&f.sections, "sections", "role",
		"which text counts: role leaves boilerplate out (equal opportunity, benefits and pay, about the company, how to apply, location and schedule, signatures, disclaimers); all counts everything")
	fs.StringVar(&f.norms, "norms", "",
		"place each document among a genre's documents (leadership_percentile, balance_percentile): job-posts, general, or a file from leadlex norms build")
	fs.StringVar(&f.labelBy, "label-by", "auto",
		"label rule: balance (balance >= --margin is leadership, <= -margin management), norms (balance above two thirds of the genre's documents is leadership, at or below one third management; needs --norms), or auto: norms when --norms is given, else balance")
}

// documentFlags are the flags of every command that reads and scores
// documents: how to read them and how to analyse them. A command's options
// embed them, and command registers them (see documentCommand). The
// commands that take PATHs (score, check, explain) add the input flags,
// read.inputs.
type documentFlags struct {
	analysis analysisFlags
	read     readFlags
}

// documents returns d; embedded, it makes the options a documentCommand.
func (d *documentFlags) documents() *documentFlags { return d }

// register registers the analysis flags and the reading flags.
func (d *documentFlags) register(f *pflag.FlagSet) {
	d.analysis.register(f)
	d.read.register(f)
}

// readFlags are the flags that say how files are read: extra extensions,
// encodings, and which field or column of a record file holds the text.
// Part of documentFlags.
type readFlags struct {
	opt    corpus.Options
	inputs inputFlags
}

func (r *readFlags) register(f *pflag.FlagSet) {
	f.StringVar(&r.opt.Encoding, "encoding", "", "how to decode files without a byte-order mark: utf-8 (the default), latin1, windows-1252, utf-16le, …; utf-8,latin1 reads UTF-8 where valid and latin1 elsewhere")
	f.StringSliceVar(&r.opt.Extensions, "ext", nil, "more extensions to read as plain text (--ext .log,.rst), or as a format (--ext .mdx=md)")
	f.StringVar(&r.opt.TextField, "text-field", corpus.DefaultTextField, "JSON Lines field with the text; dots reach into objects (post.body)")
	f.StringVar(&r.opt.IDField, "id-field", "", "JSON Lines field with the record id, used in doc_id as path#ID (default: the line number)")
	f.StringVar(&r.opt.TextColumn, "text-column", corpus.DefaultTextColumn, "CSV/TSV header column with the text")
	f.StringVar(&r.opt.IDColumn, "id-column", "", "CSV/TSV header column with the record id, used in doc_id as path#ID (default: the row number)")
}

// registerMaxBytes adds --max-bytes, the size of the largest file (or
// record) read, with the command's default and usage text.
func (r *readFlags) registerMaxBytes(f *pflag.FlagSet, def int64, usage string) {
	r.opt.MaxBytes = def
	f.Var((*byteSize)(&r.opt.MaxBytes), "max-bytes", usage)
}

// registerWorkers adds -j/--workers, how many documents a command
// analyses at once; 0 (the default) means one per CPU.
func registerWorkers(f *pflag.FlagSet, workers *int, what string) {
	f.IntVarP(workers, "workers", "j", 0, what+" at once (default: number of CPUs)")
}

// registerOutput adds -o/--output, the file a command writes, with its
// default and usage.
func registerOutput(f *pflag.FlagSet, output *string, def, usage string) {
	f.StringVarP(output, "output", "o", def, usage)
}

// registerFollowSymlinks adds --follow-symlinks, for the commands that
// walk folders.
func (r *readFlags) registerFollowSymlinks(f *pflag.FlagSet) {
	f.BoolVar(&r.opt.FollowSymlinks, "follow-symlinks", false, "follow symbolic links (loops are reported as errors)")
}

// options returns the corpus options of the flags, or a usage error when
// they do not fit together.
func (r *readFlags) options() (corpus.Options, error) {
	opt := r.opt
	if err := opt.Validate(); err != nil {
		return opt, usageErr("%v", flagError(err))
	}
	return opt, nil
}

// analyzer loads the lexicons and compiles them.
func (f *analysisFlags) analyzer() (*pipeline.Analyzer, error) {
	if err := f.labels.Validate(); err != nil {
		return nil, usageErr("%v", flagError(err))
	}
	if f.sections != "role" && f.sections != "all" {
		return nil, usageErr("--sections must be role or all, got %q", f.sections)
	}
	lex, err := f.lexicon()
	if err != nil {
		return nil, err
	}
	an := pipeline.NewAnalyzer(lex, f.labels)
	an.CountAll = f.sections == "all"
	switch f.labelBy {
	case "balance":
	case "auto":
		an.LabelByNorms = f.norms != ""
	case "norms":
		if f.norms == "" {
			return nil, usageErr("--label-by norms needs --norms (job-posts, general or a norms file)")
		}
		an.LabelByNorms = true
	default:
		return nil, usageErr("--label-by must be auto, balance or norms, got %q", f.labelBy)
	}
	if f.norms != "" {
		if an.Norms, err = norms.Load(f.norms); err != nil {
			return nil, usageErr("--norms: %v", err)
		}
	}
	return an, nil
}

// lexicon loads the lexicons and applies the negation flags to the result.
func (f *analysisFlags) lexicon() (*lexicon.Lexicon, error) {
	setWindow := f.flags != nil && f.flags.Changed("negation-window")
	if setWindow && (f.negationWindow < 0 || f.negationWindow > 20) {
		return nil, usageErr("--negation-window must be from 0 to 20, got %d", f.negationWindow)
	}
	lex, err := loadLexicon(f.lexicons)
	if err != nil {
		return nil, err
	}
	if setWindow {
		lex.Negation.Window = f.negationWindow
	}
	if f.flags != nil && f.flags.Changed("negators") {
		words := make([]string, 0, len(f.negators))
		for _, w := range f.negators {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
				words = append(words, w)
			}
		}
		lex.Negation.Words, lex.Negation.Reversible = words, nil
	}
	return lex, nil
}

// loadLexicon loads the named lexicon files, or the default.
func loadLexicon(names []string) (*lexicon.Lexicon, error) {
	lex, err := lexicon.Load(names...)
	if err != nil {
		return nil, withCode(exitUsage, fmt.Errorf("lexicon: %w", err))
	}
	return lex, nil
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

// createdAt is the time recorded in output metadata (see
// buildinfo.CreatedAt); a bad SOURCE_DATE_EPOCH is a usage error.
func createdAt() (string, error) {
	s, err := buildinfo.CreatedAt()
	return s, withCode(exitUsage, err)
}

// byteSize is a flag value for sizes such as 512KB, 64MB or 1GB (powers of 1024).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }
func (b *byteSize) Type() string   { return "size" }

func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

// sizeLimit is a size flag that sets a package's limit in place.
type sizeLimit int64

func (l *sizeLimit) String() string { return strings.ReplaceAll(capped.Size(int64(*l)), " ", "") }
func (l *sizeLimit) Type() string   { return "size" }

func (l *sizeLimit) Set(s string) error {
	n, err := parseSize(s)
	if err == nil {
		*l = sizeLimit(n)
	}
	return err
}

func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number with an optional unit (KB, MB, GB)", s)
	}
	return int64(n * float64(mult)), nil
}

// flagOf names the flag that sets each options field the packages
// validate (pipeline.LabelOptions, corpus.Options, report.Options).
var flagOf = map[string]string{
	"MinHits": "--min-hits", "Margin": "--margin", "TopTerms": "--top-terms",
	"Encoding": "--encoding", "Extensions": "--ext", "By": "--by",
}

// flagError rewrites a package's error about an options field to name the
// flag that set it; other errors pass unchanged.
func flagError(err error) error { return fielderr.Rename(err, flagOf) }
