package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
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

// ServeHTTP verifies and answers one interaction. Everything that can be
// checked before reading the body is: the signature headers' form and the
// timestamp (401), the declared length (413), and a free slot among
// MaxConcurrentRequests (503); the body is then read to its limit and the
// signature checked over it.
func (h *interactionsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if h.key == nil {
		http.Error(w, "interactions endpoint not configured", http.StatusServiceUnavailable)
		return
	}
	if err := verifyHeaders(r.Header, h.b.now()); err != nil {
		h.b.log.Info("interaction refused", "error", err)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	if r.ContentLength > maxRequestBody {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	select {
	case h.b.inflight <- struct{}{}:
		defer func() { <-h.b.inflight }()
	default:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
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
	resp, work := h.b.route(ctx, &i, body)
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

// verifyHeaders checks what can be checked of a signature before the body
// is read: a signature of the right form, and a timestamp within maxSkew
// of now.
func verifyHeaders(h http.Header, now time.Time) error {
	sig := h.Get("X-Signature-Ed25519")
	if len(sig) != 2*ed25519.SignatureSize {
		return fmt.Errorf("bot: interaction: malformed signature")
	}
	if _, err := hex.DecodeString(sig); err != nil {
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
	return nil
}

// verify checks an interaction request's signature: Ed25519 over
// X-Signature-Timestamp followed by the body, with a timestamp within
// maxSkew of now.
func verify(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) error {
	if err := verifyHeaders(h, now); err != nil {
		return err
	}
	sig, _ := hex.DecodeString(h.Get("X-Signature-Ed25519"))
	msg := bytes.Join([][]byte{[]byte(h.Get("X-Signature-Timestamp")), body}, nil)
	if !ed25519.Verify(key, msg, sig) {
		return fmt.Errorf("bot: interaction: bad signature")
	}
	return nil
}
