package serve

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeLimitsConnections checks the MaxConnections cap: with every
// slot held by an idle client, one more client is not answered until a
// slot is freed, and then it is.
func TestServeLimitsConnections(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("ok"))
		}))
	}()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Error(err)
		}
	}()
	addr := ln.Addr().String()
	idle := make([]net.Conn, 0, MaxConnections)
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	for len(idle) < MaxConnections {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c)
	}
	extra, err := net.Dial("tcp", addr) // the kernel accepts it; the server does not take it yet
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	if _, err := extra.Write([]byte("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	answer := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(extra).ReadString('\n')
		answer <- line
	}()
	select {
	case line := <-answer:
		t.Fatalf("answered with all %d slots held: %q", MaxConnections, line)
	case <-time.After(500 * time.Millisecond):
	}
	idle[0].Close() // frees a slot
	idle = idle[1:]
	select {
	case line := <-answer:
		if !strings.HasPrefix(line, "HTTP/1.1 200") {
			t.Errorf("after a slot was freed: %q", line)
		}
	case <-time.After(ReadHeaderTimeout - time.Second):
		t.Fatal("not answered after a slot was freed")
	}
}
