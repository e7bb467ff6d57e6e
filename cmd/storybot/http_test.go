package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"storybot/metrics"
)

// TestSlowBodyCutOff sends a body at a byte every 200 ms: the server ends
// the request within its read timeout instead of waiting for it.
func TestSlowBodyCutOff(t *testing.T) {
	limits := httpLimits{read: time.Second, write: 2 * time.Second, idle: time.Second}
	readErr := make(chan error, 1)
	srv := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := io.ReadAll(r.Body)
		readErr <- err
	}), limits, quietLogger())
	addr := serveOn(t, srv)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	io.WriteString(conn, "POST /interactions HTTP/1.1\r\nHost: storybot\r\nContent-Length: 100\r\n\r\n")
	go func() {
		for range 100 {
			if _, err := conn.Write([]byte("x")); err != nil {
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	select {
	case err := <-readErr:
		if err == nil {
			t.Fatal("the handler read the whole slow body, want it cut off")
		}
	case <-time.After(limits.read + 3*time.Second):
		t.Fatalf("the body was still being read after %s, with a %s read timeout", time.Since(start).Round(time.Millisecond), limits.read)
	}
	if took := time.Since(start); took > limits.read+time.Second {
		t.Errorf("cut off after %s, want within the %s read timeout", took.Round(time.Millisecond), limits.read)
	}
}

// TestIdleConnectionClosed: a keep-alive connection left idle is closed
// after the idle timeout.
func TestIdleConnectionClosed(t *testing.T) {
	limits := httpLimits{read: time.Second, write: time.Second, idle: 500 * time.Millisecond}
	srv := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }), limits, quietLogger())
	conn, err := net.Dial("tcp", serveOn(t, srv))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: storybot\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("idle connection: got %v, want the server to close it", err)
	}
	if took := time.Since(start); took > limits.idle+time.Second {
		t.Errorf("closed after %s idle, want about %s", took.Round(time.Millisecond), limits.idle)
	}
}

// TestPanicInHandlerAnswered500: a handler's panic is a 500 and a log
// line, and the server goes on serving.
func TestPanicInHandlerAnswered500(t *testing.T) {
	var logs strings.Builder
	srv := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/boom" {
			panic("boom")
		}
		io.WriteString(w, "ok")
	}), defaultHTTPLimits, textLogger(&logs))
	base := "http://" + serveOn(t, srv)
	for path, want := range map[string]int{"/boom": 500, "/fine": 200} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: got %d, want %d", path, resp.StatusCode, want)
		}
	}
	if !strings.Contains(logs.String(), "boom") || !strings.Contains(logs.String(), "goroutine") {
		t.Errorf("log lacks the panic and its stack: %q", logs.String())
	}
}

// TestMetricsOnTheirOwnListener: /metrics is not on http.listen but on
// http.metrics_listen.
func TestMetricsOnTheirOwnListener(t *testing.T) {
	cfg := setup(t, "")
	body, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(body, "http:\n  listen: 127.0.0.1:0\n  metrics_listen: 127.0.0.1:0\n"...), 0o600)
	a, err := openApp(context.Background(), &env{stdout: io.Discard, stderr: io.Discard, configPath: cfg})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	servers, err := serveHTTP(a, newService(a, metrics.NewStorybot(), nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, s := range servers {
			s.Close()
		}
	}()
	if len(servers) != 2 {
		t.Fatalf("got %d listeners, want 2", len(servers))
	}
	for _, c := range []struct {
		addr, path string
		want       int
	}{{servers[0].Addr, "/healthz", 200}, {servers[0].Addr, "/metrics", 404}, {servers[1].Addr, "/metrics", 200}, {servers[1].Addr, "/healthz", 404}} {
		resp, err := http.Get("http://" + c.addr + c.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s%s: got %d, want %d", c.addr, c.path, resp.StatusCode, c.want)
		}
	}
}

// serveOn serves srv on a loopback port until the test ends.
func serveOn(t *testing.T, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// textLogger logs to w; w must be safe for the server's goroutines, which
// a test reads only after they are done.
func textLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
