package bot

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

	"github.com/bwmarrin/discordgo"
)

// Limits of the HTTP interactions endpoint.
const (
	// httpAckTimeout bounds the work done before an interaction is
	// answered; Discord allows 3 seconds.
	httpAckTimeout = 2500 * time.Millisecond
	// maxSkew is how far X-Signature-Timestamp may be from now.
	maxSkew        = 5 * time.Minute
	maxRequestBody = 1 << 20
)

// parsePublicKey decodes the application's hex Ed25519 public key.
func parsePublicKey(s string) (ed25519.PublicKey, error) {
	k, err := hex.DecodeString(s)
	if err != nil || len(k) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("bot: public key: want %d hex-encoded bytes", ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(k), nil
}

// InteractionsHandler serves Discord's HTTP interactions (POST
// /interactions) in ModeHTTP: it checks the request's Ed25519 signature
// and timestamp, answers PING with PONG, and answers every command within
// Discord's 3 seconds (deferring, then editing the reply through the
// webhook endpoint).
func (b *Bot) InteractionsHandler() http.Handler {
	key, _ := parsePublicKey(b.cfg.PublicKey)
	return &interactionsHandler{b: b, key: key}
}

type interactionsHandler struct {
	b   *Bot
	key ed25519.PublicKey
}

// ServeHTTP verifies and answers one interaction.
func (h *interactionsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if h.key == nil {
		http.Error(w, "interactions endpoint not configured", http.StatusServiceUnavailable)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := verify(h.key, r.Header, body, h.b.now()); err != nil {
		h.b.log.Info("interaction refused", "error", err)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), httpAckTimeout)
	resp, work := h.b.route(ctx, &i)
	cancel()
	if resp == nil {
		http.Error(w, "unsupported interaction type", http.StatusBadRequest)
		return
	}
	out, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.Write(out)
	if f, ok := w.(http.Flusher); ok {
		f.Flush() // the acknowledgement must reach Discord before the edit
	}
	if work != nil {
		h.b.spawn(work)
	}
}

// verify checks an interaction request's signature: Ed25519 over
// X-Signature-Timestamp followed by the body, with a timestamp within
// maxSkew of now.
func verify(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) error {
	sig, err := hex.DecodeString(h.Get("X-Signature-Ed25519"))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return fmt.Errorf("bot: interaction: malformed signature")
	}
	ts := h.Get("X-Signature-Timestamp")
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("bot: interaction: malformed timestamp %.20q", ts)
	}
	if skew := now.Sub(time.Unix(secs, 0)); skew > maxSkew || skew < -maxSkew {
		return fmt.Errorf("bot: interaction: timestamp %s off", skew.Round(time.Second))
	}
	msg := bytes.Join([][]byte{[]byte(ts), body}, nil)
	if !ed25519.Verify(key, msg, sig) {
		return fmt.Errorf("bot: interaction: bad signature")
	}
	return nil
}
