package scale

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"storybot/bot/discordtest"
	"storybot/internal/cputime"
)

// Endpoint is a storybot serving Discord's HTTP interactions, and the
// Discord stand-in it sends its replies to.
type Endpoint struct {
	URL     string             // the interactions endpoint
	Key     ed25519.PrivateKey // signs as Discord does; the bot holds the public half
	Discord *discordtest.Server
}

// AskedHTTP is how /ask went end to end, one at a time: from a signed
// POST to the interactions endpoint until its deferred response came back
// (Ack), and until the edited answer reached the stand-in (Answer). The
// CPU per ask is the whole process's: the bot, the client and the
// stand-in.
type AskedHTTP struct {
	Questions int     `json:"questions"`
	Answered  int     `json:"answered"` // answers with at least one citation
	Ack       Latency `json:"ack"`
	Answer    Latency `json:"answer"`
}

// replyWait bounds the wait for one answer; Discord's own limit for an
// edit is 15 minutes, but a bench that waits that long is broken.
const replyWait = time.Minute

// AskHTTP asks qs through ep one at a time, after a warm-up as Ask's, each
// from a member of its own (the bot limits asks per member).
func AskHTTP(ctx context.Context, ep Endpoint, qs []string) (AskedHTTP, error) {
	client := &http.Client{Timeout: replyWait}
	member := 0
	for _, q := range qs[:min(len(qs), warmUp)] {
		member++
		if _, err := askHTTP(ctx, client, ep, member, q); err != nil {
			return AskedHTTP{}, err
		}
	}
	r := AskedHTTP{Questions: len(qs)}
	acks, answers := make([]time.Duration, len(qs)), make([]time.Duration, len(qs))
	cpu := cputime.Used()
	for i, q := range qs {
		member++
		t, err := askHTTP(ctx, client, ep, member, q)
		if err != nil {
			return AskedHTTP{}, err
		}
		acks[i], answers[i] = t.ack, t.answer
		if t.cited {
			r.Answered++
		}
	}
	r.Answer = latency(answers, cputime.Used()-cpu)
	r.Ack = latency(acks, 0)
	return r, nil
}

// timed is one /ask end to end.
type timed struct {
	ack, answer time.Duration
	cited       bool
}

func askHTTP(ctx context.Context, client *http.Client, ep Endpoint, member int, q string) (timed, error) {
	body, token := ep.Discord.Interaction(discordtest.Invocation{Command: "ask",
		UserID: fmt.Sprintf("52%016d", member), Options: map[string]any{"question": q}})
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, "POST", ep.URL, bytes.NewReader(body))
	if err != nil {
		return timed{}, fmt.Errorf("scale: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(ep.Key, append([]byte(stamp), body...))))
	req.Header.Set("X-Signature-Timestamp", stamp)
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return timed{}, fmt.Errorf("scale: ask %q over http: %w", q, err)
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	var t timed
	t.ack = time.Since(start)
	var deferred struct{ Type int }
	if err != nil || resp.StatusCode != http.StatusOK || json.Unmarshal(out, &deferred) != nil || deferred.Type != 5 {
		return timed{}, fmt.Errorf("scale: ask %q over http: status %d, %.200s (%v), want a deferred response", q, resp.StatusCode, out, err)
	}
	wait, cancel := context.WithTimeout(ctx, replyWait)
	defer cancel()
	var edit discordtest.Request
	err = ep.Discord.Await(wait, func() bool {
		edits := ep.Discord.Edits(token)
		if len(edits) > 0 {
			edit = edits[0]
		}
		return len(edits) > 0
	})
	t.answer = time.Since(start)
	if err != nil {
		return timed{}, fmt.Errorf("scale: ask %q over http: no answer: %w", q, err)
	}
	var msg struct {
		Embeds []struct{ Fields []json.RawMessage }
	}
	t.cited = edit.Decode(&msg) == nil && len(msg.Embeds) > 0 && len(msg.Embeds[0].Fields) > 0
	return t, nil
}
