package bot

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"storybot/bot/discordtest"
)

// httpEndpoint serves a bot's interactions handler on loopback.
func httpEndpoint(t *testing.T, maxConcurrent int) (*httptest.Server, ed25519.PrivateKey) {
	t.Helper()
	_, endpoint, priv := openHTTPBot(t, discordtest.New(t), Config{MaxConcurrentRequests: maxConcurrent}, newTestDeps(t).Deps)
	return endpoint, priv
}

// openHTTPBot opens a bot in HTTP mode, cfg completed with the token, the
// loopback Discord srv and a fresh public key, and serves its interactions
// handler on loopback; both close when the test ends. It returns the key
// that signs requests.
func openHTTPBot(t *testing.T, srv *discordtest.Server, cfg Config, deps Deps) (*Bot, *httptest.Server, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Token, cfg.Mode, cfg.APIBaseURL, cfg.PublicKey = testToken, ModeHTTP, srv.URL(), hex.EncodeToString(pub)
	b, err := New(cfg, deps, (&logBuffer{}).logger())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.Open(ctx); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	endpoint := httptest.NewServer(b.InteractionsHandler())
	t.Cleanup(endpoint.Close)
	return b, endpoint, priv
}

// rawRequest writes a POST's head and body on a raw connection and reads
// the status the server answers with, within a few seconds: given a head
// alone, an answer proves the server did not wait for the body.
func rawRequest(t *testing.T, addr string, headers map[string]string, body string) int {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	b.WriteString("POST / HTTP/1.1\r\nHost: storybot\r\n")
	for k, v := range headers {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v)
	}
	b.WriteString("\r\n" + body)
	if _, err := io.WriteString(conn, b.String()); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer before the body was sent: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestHTTPRefusesBeforeReading: an unsigned or stale 10 MB POST gets 401
// and a well-signed-looking one 413, answered though none of the body is
// ever sent; a chunked body over the limit is cut off with 413.
func TestHTTPRefusesBeforeReading(t *testing.T) {
	endpoint, priv := httpEndpoint(t, 0)
	addr := strings.TrimPrefix(endpoint.URL, "http://")
	now := strconv.FormatInt(time.Now().Unix(), 10)
	sig := hex.EncodeToString(ed25519.Sign(priv, []byte(now+"{}")))
	big := strconv.Itoa(10 << 20)
	tests := []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"unsigned", map[string]string{"Content-Length": big}, 401},
		{"malformed signature", map[string]string{"Content-Length": big, "X-Signature-Ed25519": "zz", "X-Signature-Timestamp": now}, 401},
		{"stale timestamp", map[string]string{"Content-Length": big, "X-Signature-Ed25519": sig, "X-Signature-Timestamp": "1000000000"}, 401},
		{"signed-looking, too large", map[string]string{"Content-Length": big, "X-Signature-Ed25519": sig, "X-Signature-Timestamp": now}, 413},
	}
	for _, tt := range tests {
		if got := rawRequest(t, addr, tt.headers, ""); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}

	req, _ := http.NewRequest("POST", endpoint.URL, io.LimitReader(zeros{}, 3<<20)) // no length: chunked
	req.Header.Set("X-Signature-Ed25519", sig)
	req.Header.Set("X-Signature-Timestamp", now)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("chunked 3 MiB: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("chunked 3 MiB: got %d, want 413", resp.StatusCode)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestHTTPConcurrencyCap: with every slot held by a request whose body is
// still coming, the next signed-looking request gets 503 at once.
func TestHTTPConcurrencyCap(t *testing.T) {
	endpoint, priv := httpEndpoint(t, 2)
	addr := strings.TrimPrefix(endpoint.URL, "http://")
	now := strconv.FormatInt(time.Now().Unix(), 10)
	sig := hex.EncodeToString(ed25519.Sign(priv, []byte(now+"{}")))
	head := "POST / HTTP/1.1\r\nHost: storybot\r\nContent-Length: 100\r\nX-Signature-Ed25519: " + sig + "\r\nX-Signature-Timestamp: " + now + "\r\n\r\n{"
	for range 2 {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := io.WriteString(conn, head); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := rawRequest(t, addr, map[string]string{"Content-Length": "2", "X-Signature-Ed25519": sig, "X-Signature-Timestamp": now}, "{}")
		if got == 503 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("got %d with both slots held, want 503", got)
		}
		time.Sleep(10 * time.Millisecond) // the held requests may not have reached the handler yet
	}
}
