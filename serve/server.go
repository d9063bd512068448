// Package serve is leadlex's local web server: one self-contained page
// where a job ad is scored, explained and checked as it is typed, and a
// JSON API under /api/v1/ that answers with what `leadlex score`, `check`
// and `explain` give for the same text. Every answer comes from
// pipeline.Scorer.AnalyzeDoc and check.Checker, the one analysis path;
// texts arrive in requests and are read with corpus.ReadBytes, so a
// request never reaches the file system.
package serve

import (
	"embed"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
)

// Defaults of Options.
const (
	DefaultMaxBytes    = 1 << 20 // request bodies larger than this are refused (413)
	DefaultMaxInFlight = 32      // API requests analysed at once; more are refused (503)
)

// Options configure a Server.
type Options struct {
	Analyzer *pipeline.Analyzer // the lexicon texts are scored with; required
	Checker  *check.Checker     // the policy texts are checked against; nil: no findings
	Policy   string             // the policy file, shown on the page; "" when there is none
	Read     corpus.Options     // how texts are decoded (encoding, extra extensions)
	Version  string             // leadlex's version, for /api/v1/info

	MaxBytes    int64 // largest request body; 0: DefaultMaxBytes
	MaxInFlight int   // API requests analysed at once; 0: DefaultMaxInFlight
	// AnyHost accepts requests whatever their Host header says. Without
	// it only localhost, 127.0.0.1 and [::1] are answered, which keeps a
	// web page elsewhere from reaching the server through DNS rebinding.
	AnyHost bool
}

// Server answers the page and the API. It is an http.Handler, safe for
// concurrent use.
type Server struct {
	opt     Options
	slots   chan struct{} // one per API request being analysed
	scorers sync.Pool     // of *pipeline.Scorer: a scorer is one goroutine's
	checks  sync.Pool     // of *check.Session, for the same reason
	mux     *http.ServeMux
}

// New returns a server with the given options.
func New(opt Options) (*Server, error) {
	if opt.Analyzer == nil {
		return nil, fmt.Errorf("serve: no analyzer")
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxInFlight <= 0 {
		opt.MaxInFlight = DefaultMaxInFlight
	}
	if opt.Checker == nil {
		c, err := check.New(&check.Policy{}, opt.Analyzer)
		if err != nil {
			return nil, fmt.Errorf("serve: empty policy: %w", err)
		}
		opt.Checker = c
	}
	opt.Read.MaxBytes = opt.MaxBytes
	opt.Read.StreamAbove = -1 // the whole text is analysed at once
	opt.Read.Positions = true // findings and hits point at lines and columns
	// The Doc keeps the markup sent: leadlex-disable comments in it count,
	// never those of a file on disk that happens to have the same name.
	opt.Read.DeferExtract = true
	if err := opt.Read.Validate(); err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s := &Server{opt: opt, slots: make(chan struct{}, opt.MaxInFlight), mux: http.NewServeMux()}
	s.scorers.New = func() any { return pipeline.NewScorer(opt.Analyzer) }
	s.checks.New = func() any { return opt.Checker.NewSession() }
	s.routes()
	return s, nil
}

//go:embed static
var static embed.FS

func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.file("static/index.html", "text/html; charset=utf-8"))
	s.mux.HandleFunc("GET /app.js", s.file("static/app.js", "text/javascript; charset=utf-8"))
	s.mux.HandleFunc("GET /app.css", s.file("static/app.css", "text/css; charset=utf-8"))
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.HandleFunc("GET /api/v1/info", s.info)
	s.mux.HandleFunc("/api/v1/score", s.api(s.score))
	s.mux.HandleFunc("/api/v1/check", s.api(s.check))
	s.mux.HandleFunc("/api/v1/explain", s.api(s.explain))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			writeError(w, http.StatusMethodNotAllowed, "%s %s: only GET is served here", r.Method, r.URL.Path)
			return
		}
		writeError(w, http.StatusNotFound, "%s: no such page; the API is under /api/v1/ (score, check, explain, info)", r.URL.Path)
	})
}

// contentSecurityPolicy allows the page its own script, style and API and
// nothing else: no other origin, no inline script or style, no frames.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// ServeHTTP sets the security headers of every response, refuses requests
// for other hosts, and routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if !s.opt.AnyHost && !localHost(r.Host) {
		writeError(w, http.StatusMisdirectedRequest, "host %q: this server answers only localhost, 127.0.0.1 and [::1] (start it with --allow-remote to answer others)", r.Host)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// localHost reports whether a Host header names the loopback interface.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// file serves one embedded file.
func (s *Server) file(name, contentType string) http.HandlerFunc {
	data, err := static.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("serve: embedded %s: %v", name, err)) // a build mistake, caught by every test
	}
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	}
}

// info tells the page what it runs with.
func (s *Server) info(w http.ResponseWriter, _ *http.Request) {
	lex := s.opt.Analyzer.Lexicon()
	dims := make([]string, len(lex.Dimensions))
	for i, d := range lex.Dimensions {
		dims[i] = d.Name
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"version":    s.opt.Version,
		"lexicon":    map[string]string{"name": lex.Name, "version": lex.Version},
		"dimensions": dims,
		"policy":     s.opt.Policy,
		"max_bytes":  s.opt.MaxBytes,
	})
}
