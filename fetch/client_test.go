package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func testClient(o Options) *Client {
	o.AllowPrivate = true
	return New(o)
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestGetOK(t *testing.T) {
	var gotUA, gotAE string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAE = r.UserAgent(), r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		io.WriteString(w, "<rss/>")
	})
	resp, err := testClient(Options{}).Get(context.Background(), srv.URL+"/feed", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"body", string(resp.Body), "<rss/>"},
		{"url", resp.URL, srv.URL + "/feed"},
		{"content type", resp.ContentType, "application/rss+xml; charset=utf-8"},
		{"etag", resp.ETag, `"v1"`},
		{"last modified", resp.LastModified, "Mon, 02 Jan 2006 15:04:05 GMT"},
		{"user agent", gotUA, DefaultUserAgent},
		{"accept encoding", gotAE, "gzip, deflate"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	if resp.Status != 200 || resp.NotModified {
		t.Errorf("got status %d notModified %v, want 200 false", resp.Status, resp.NotModified)
	}
}

func TestCustomUserAgent(t *testing.T) {
	var got string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { got = r.UserAgent() })
	if _, err := testClient(Options{UserAgent: "probe/1"}).Get(context.Background(), srv.URL, Conditional{}); err != nil {
		t.Fatal(err)
	}
	if got != "probe/1" {
		t.Errorf("got user agent %q, want %q", got, "probe/1")
	}
}

func TestConditional(t *testing.T) {
	const etag, lastMod = `"abc"`, "Tue, 03 Jan 2006 10:00:00 GMT"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, "fresh")
	})
	tests := []struct {
		name    string
		cond    Conditional
		notMod  bool
		wantLen int
	}{
		{"etag", Conditional{ETag: etag}, true, 0},
		{"last modified", Conditional{LastModified: lastMod}, true, 0},
		{"stale etag", Conditional{ETag: `"old"`}, false, 5},
		{"none", Conditional{}, false, 5},
	}
	c := testClient(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL, tt.cond)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tt.notMod || len(resp.Body) != tt.wantLen {
				t.Errorf("got notModified %v body %d bytes, want %v %d", resp.NotModified, len(resp.Body), tt.notMod, tt.wantLen)
			}
			if resp.NotModified && (resp.Status != 304 || resp.ETag != etag) {
				t.Errorf("got status %d etag %q, want 304 %q", resp.Status, resp.ETag, etag)
			}
		})
	}
}

func TestStatusError(t *testing.T) {
	tests := []struct {
		code      int
		retryable bool
	}{{404, false}, {410, false}, {429, true}, {500, true}, {503, true}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.code) })
			_, err := testClient(Options{}).Get(context.Background(), srv.URL, Conditional{})
			var se *StatusError
			if !errors.As(err, &se) || se.Code != tt.code {
				t.Fatalf("got %v, want StatusError %d", err, tt.code)
			}
			if got := Retryable(err); got != tt.retryable {
				t.Errorf("Retryable: got %v, want %v", got, tt.retryable)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n >= 3 {
			io.WriteString(w, "end")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/endless/{n}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/", http.StatusFound)
	})
	srv := serve(t, mux.ServeHTTP)
	tests := []struct {
		path    string
		wantErr error
		wantURL string
	}{
		{"/chain/0", nil, "/chain/3"},
		{"/loop/a", ErrRedirectLoop, ""},
		{"/endless/x", ErrRedirectLoop, ""},
		{"/ftp", ErrScheme, ""},
	}
	c := testClient(Options{MaxRedirects: 3})
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+tt.path, Conditional{})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err == nil && resp.URL != srv.URL+tt.wantURL {
				t.Errorf("got final URL %q, want %q", resp.URL, srv.URL+tt.wantURL)
			}
		})
	}
}

func TestScheme(t *testing.T) {
	for _, u := range []string{"ftp://example.com/feed", "file:///etc/passwd", "gopher://x"} {
		_, err := New(Options{}).Get(context.Background(), u, Conditional{})
		if !errors.Is(err, ErrScheme) {
			t.Errorf("%s: got %v, want ErrScheme", u, err)
		}
	}
}

func TestEmptyBody(t *testing.T) {
	tests := []struct{ name, encoding string }{{"plain", ""}, {"labelled gzip", "gzip"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
			})
			resp, err := testClient(Options{}).Get(context.Background(), srv.URL, Conditional{})
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Body) != 0 {
				t.Errorf("got %d bytes, want 0", len(resp.Body))
			}
		})
	}
}

func TestCompressed(t *testing.T) {
	const text = "<feed>compressed feed text</feed>"
	tests := []struct {
		name, encoding string
		wrap           func(io.Writer) io.WriteCloser
	}{
		{"gzip", "gzip", func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) }},
		{"zlib deflate", "deflate", func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) }},
		{"raw deflate", "deflate", func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, 5); return fw }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", tt.encoding)
				zw := tt.wrap(w)
				io.WriteString(zw, text)
				zw.Close()
			})
			resp, err := testClient(Options{}).Get(context.Background(), srv.URL, Conditional{})
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != text {
				t.Errorf("got %q, want %q", resp.Body, text)
			}
		})
	}
}

func TestEndlessBody(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("a"), 32<<10)
		for i := 0; i < 1<<15; i++ { // bounded: 1 GiB at most
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	_, err := testClient(Options{MaxBytes: 1 << 20}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}

// TestGzipBomb streams gzip-compressed zeros that would inflate to 4 GiB
// and checks that the client stops at MaxBytes with bounded allocation.
func TestGzipBomb(t *testing.T) {
	var sent atomic.Int64
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		zeros := make([]byte, 1<<20)
		for i := 0; i < 4<<10; i++ {
			if _, err := zw.Write(zeros); err != nil || r.Context().Err() != nil {
				return
			}
			sent.Add(int64(len(zeros)))
		}
		zw.Close()
	})
	const limit = 2 << 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := testClient(Options{MaxBytes: limit}).Get(context.Background(), srv.URL, Conditional{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	// Server and client share this process, so the figure includes the
	// server's buffers; a client that inflated the bomb would allocate GiBs.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("got %d MiB allocated, want under 64 MiB", alloc>>20)
	}
	if Retryable(err) {
		t.Errorf("got Retryable(ErrTooLarge) true, want false")
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for i := 0; i < 30; i++ {
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
				return
			}
		}
	})
	_, err := testClient(Options{Timeout: 1500 * time.Millisecond}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
	want := fmt.Sprintf("fetch: %s: timed out after 1.5s", srv.URL)
	if err.Error() != want {
		t.Errorf("got message %q, want %q", err, want)
	}
	if !Retryable(err) {
		t.Errorf("got Retryable false for a timeout, want true")
	}
}

func TestBlockedAddress(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })
	_, err := New(Options{}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrBlockedAddress) {
		t.Fatalf("got %v, want ErrBlockedAddress", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("got %d requests reaching the server, want 0", n)
	}
	if Retryable(err) {
		t.Errorf("got Retryable true for a blocked address, want false")
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	for _, host := range []string{"[64:ff9b::7f00:1]", "[::127.0.0.1]", "[2002:7f00:1::1]", "0.0.0.0", "0.1.2.3"} {
		u := "http://" + host + ":" + port + "/"
		if _, err := New(Options{}).Get(context.Background(), u, Conditional{}); !errors.Is(err, ErrBlockedAddress) {
			t.Errorf("%s: got %v, want ErrBlockedAddress", u, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("got %d requests reaching the server, want 0", n)
	}
}

// TestPrivateSibling checks that Private reaches loopback while the client
// it came from still may not.
func TestPrivateSibling(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "intranet") })
	c := New(Options{})
	if resp, err := c.Private().Get(context.Background(), srv.URL, Conditional{}); err != nil || string(resp.Body) != "intranet" {
		t.Fatalf("Private: got %v, want the loopback page", err)
	}
	if _, err := c.Get(context.Background(), srv.URL, Conditional{}); !errors.Is(err, ErrBlockedAddress) {
		t.Errorf("after Private: got %v, want the original still blocked", err)
	}
}

// TestHostSerialised checks on the server side that concurrent Gets to
// one host never overlap.
func TestHostSerialised(t *testing.T) {
	var inFlight, maxSeen, total atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxSeen.Load()
			if n <= m || maxSeen.CompareAndSwap(m, n) {
				break
			}
		}
		total.Add(1)
		time.Sleep(20 * time.Millisecond)
	})
	c := testClient(Options{})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), srv.URL, Conditional{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := maxSeen.Load(); got != 1 {
		t.Errorf("got %d concurrent requests, want 1", got)
	}
	if got := total.Load(); got != 6 {
		t.Errorf("got %d requests served, want 6", got)
	}
}

// TestHostWaitCancelled checks that a Get queued behind another request to
// the same host gives up when its context is cancelled.
func TestHostWaitCancelled(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-release
	})
	c := testClient(Options{})
	done := make(chan error, 1)
	go func() {
		_, err := c.Get(context.Background(), srv.URL, Conditional{})
		done <- err
	}()
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Get(ctx, srv.URL, Conditional{})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "waiting for host") {
		t.Errorf("got %v, want a cancelled wait for the host", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("first request: got %v, want nil", err)
	}
}
