package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// Timeouts of the HTTP server: a slow or stalled client cannot hold a
// connection or a worker for long.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 2 * time.Minute
	ShutdownTimeout   = 30 * time.Second // how long in-flight requests may take to finish on SIGINT/SIGTERM
	maxHeaderBytes    = 64 << 10
	// MaxConnections bounds the connections open at once; more wait to be
	// accepted, so idle or slow clients cannot pile up goroutines.
	MaxConnections = 256
)

// Listen opens addr for serving. Only loopback addresses are opened unless
// allowRemote is set; then warning says what that exposes.
func Listen(addr string, allowRemote bool) (ln net.Listener, warning string, err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", fmt.Errorf("--addr %q: want host:port such as 127.0.0.1:8080: %w", addr, err)
	}
	if !Loopback(host) {
		if !allowRemote {
			return nil, "", fmt.Errorf("--addr %q is not a loopback address: other machines could reach the server; pass --allow-remote to mean it", addr)
		}
		warning = fmt.Sprintf("serving on %s, which other machines may reach: anyone who can connect can send texts to analyse (no authentication, no TLS)", addr)
	}
	ln, err = net.Listen("tcp", addr)
	if err != nil {
		return nil, "", fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, warning, nil
}

// Loopback reports whether host (a name or an IP address) is the local
// machine's loopback interface. An empty host means every interface.
func Loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve answers requests on ln until ctx is done, then stops taking new
// ones, lets those in flight finish (up to ShutdownTimeout) and returns
// nil. It returns an error only when serving fails.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(netutil.LimitListener(ln, MaxConnections)) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
