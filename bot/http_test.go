package bot

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"storybot/bot/discordtest"
)

// signedPost sends body to the interactions endpoint signed with key at ts.
func signedPost(t *testing.T, url string, key ed25519.PrivateKey, ts time.Time, body []byte) (int, []byte) {
	t.Helper()
	stamp := strconv.FormatInt(ts.Unix(), 10)
	sig := ed25519.Sign(key, append([]byte(stamp), body...))
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", stamp)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestHTTPInteractions(t *testing.T) {
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	srv := discordtest.New(t)
	deps := newTestDeps(t)
	deps.asker.set("who reacted to the leak", longAnswer())
	b, endpoint, priv := openHTTPBot(t, srv, Config{}, deps.Deps)
	if !b.Connected() || srv.Gateway().Identifies != 0 {
		t.Errorf("Connected %v, identifies %d: want ready without a gateway", b.Connected(), srv.Gateway().Identifies)
	}
	if puts := srv.Requests("PUT", "/applications/"+discordtest.AppID+"/commands"); len(puts) != 1 {
		t.Errorf("%d global registrations, want 1", len(puts))
	}
	ping := []byte(`{"id":"1","application_id":"` + discordtest.AppID + `","type":1,"token":"t","version":1}`)

	tests := []struct {
		name       string
		key        ed25519.PrivateKey
		at         time.Time
		body       []byte
		wantStatus int
		wantType   int
	}{
		{"ping gets pong", priv, time.Now(), ping, 200, 1},
		{"bad signature", otherKey, time.Now(), ping, 401, 0},
		{"stale timestamp", priv, time.Now().Add(-6 * time.Minute), ping, 401, 0},
		{"future timestamp", priv, time.Now().Add(6 * time.Minute), ping, 401, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := signedPost(t, endpoint.URL, tt.key, tt.at, tt.body)
			if status != tt.wantStatus {
				t.Fatalf("status %d, want %d (%s)", status, tt.wantStatus, body)
			}
			if tt.wantType != 0 {
				var r struct{ Type int }
				json.Unmarshal(body, &r)
				if r.Type != tt.wantType {
					t.Errorf("response %s, want type %d", body, tt.wantType)
				}
			}
		})
	}

	t.Run("tampered body", func(t *testing.T) {
		stamp := strconv.FormatInt(time.Now().Unix(), 10)
		sig := ed25519.Sign(priv, append([]byte(stamp), ping...))
		req, _ := http.NewRequest("POST", endpoint.URL, bytes.NewReader(bytes.Replace(ping, []byte(`"type":1`), []byte(`"type":2`), 1)))
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
		req.Header.Set("X-Signature-Timestamp", stamp)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("status %d, want 401", resp.StatusCode)
		}
	})

	t.Run("signed ask is deferred in the response then edited", func(t *testing.T) {
		body, token := srv.Interaction(discordtest.Invocation{Command: "ask", Options: map[string]any{"question": "who reacted to the leak"}})
		status, out := signedPost(t, endpoint.URL, priv, time.Now(), body)
		var r sent
		json.Unmarshal(out, &r)
		if status != 200 || r.Type != 5 {
			t.Fatalf("status %d body %s, want 200 and a deferred response", status, out)
		}
		srv.Wait(t, "the edit", func() bool { return len(srv.Edits(token)) == 1 })
		msg := decodeSent(t, srv.Edits(token)[0])
		checkNoMentions(t, msg.AllowedMentions)
		checkLimits(t, msg.Content, msg.Embeds)
		if len(msg.Embeds) != 1 || !strings.Contains(msg.Embeds[0].Description, "Andy Burnham") {
			t.Errorf("edit %+v, want the answer embed", msg)
		}
		if _, ok := srv.Callback(token); ok {
			t.Errorf("a REST callback was sent in HTTP mode; the response body is the acknowledgement")
		}
	})

	t.Run("admin refusal is in the response", func(t *testing.T) {
		body, _ := srv.Interaction(discordtest.Invocation{Command: "sources", Sub: "list"})
		_, out := signedPost(t, endpoint.URL, priv, time.Now(), body)
		var r sent
		json.Unmarshal(out, &r)
		if r.Type != 4 || r.Data == nil || r.Data.Flags != 64 {
			t.Errorf("response %s, want an ephemeral refusal", out)
		}
	})
}
