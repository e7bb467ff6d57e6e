// Package discordtest is a loopback stand-in for Discord: a REST API on
// httptest and a gateway over gorilla/websocket, enough for a real
// discordgo session to connect, register commands, receive interactions
// and reply. Everything it receives is recorded for assertions.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// IDs the stand-in reports for the bot, and the guild an Invocation comes
// from unless it names another.
const (
	AppID          = "100000000000000001"
	BotUserID      = "100000000000000002"
	DefaultGuildID = "300000000000000001"
)

// Request is one REST request the stand-in received, with the status it
// answered.
type Request struct {
	Method string
	Path   string // without the /api/vN prefix, e.g. /channels/5/messages
	Query  string
	Header http.Header
	// Body is the JSON sent: the body itself, or for a multipart request
	// (a message with attachments) its payload_json part.
	Body   []byte
	Files  []File // a multipart request's files[n] parts, in order
	Status int
}

// File is an attachment uploaded with a message.
type File struct {
	Field       string // form field, e.g. files[0]
	Name        string
	ContentType string
	Data        []byte
}

// Decode unmarshals the request body into v.
func (r Request) Decode(v any) error { return json.Unmarshal(r.Body, v) }

// Message is a message the stand-in created in a channel.
type Message struct {
	ID        string          `json:"id"`
	ChannelID string          `json:"channel_id"`
	Nonce     string          `json:"nonce,omitempty"`
	Content   string          `json:"content"`
	Embeds    json.RawMessage `json:"embeds"`
}

// Server is the stand-in. Create it with New; it closes with the test.
type Server struct {
	rest     *httptest.Server
	upgrader websocket.Upgrader

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every change
	requests    []Request
	issued      map[string]bool // interaction tokens dispatched over the gateway
	acked       map[string]bool // interaction tokens with a callback
	messages    map[string][]Message
	nonces      map[string]Message // channel + "\x00" + nonce
	hideHistory bool
	guilds      map[string]Guild
	limits      []rateLimit
	nextID      int64
	gw          gateway
}

type rateLimit struct {
	method, pathSuffix string
	retryAfter         time.Duration
}

var apiPrefix = regexp.MustCompile(`^/api/v\d+`)

// New starts a stand-in on 127.0.0.1 and stops it when t ends.
func New(t testing.TB) *Server {
	s := Start()
	t.Cleanup(s.Close)
	return s
}

// Start starts a stand-in on 127.0.0.1 outside a test (the scale
// benchmark's Discord); the caller closes it.
func Start() *Server {
	s := &Server{
		changed: make(chan struct{}), issued: map[string]bool{}, acked: map[string]bool{},
		messages: map[string][]Message{}, nonces: map[string]Message{}, nextID: 200000000000000000,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", s.serveGateway)
	mux.HandleFunc("/ws/", s.serveGateway)
	mux.HandleFunc("/", s.serveREST)
	s.rest = httptest.NewServer(mux)
	return s
}

// URL is the base to give the bot as its API base URL.
func (s *Server) URL() string { return s.rest.URL }

// Close drops the gateway connection and stops the server.
func (s *Server) Close() {
	s.Drop()
	s.rest.CloseClientConnections()
	s.rest.Close()
}

// RateLimitNext makes the next request whose method matches and whose path
// ends with pathSuffix fail with 429 and retry_after.
func (s *Server) RateLimitNext(method, pathSuffix string, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = append(s.limits, rateLimit{method, pathSuffix, retryAfter})
}

// Requests returns every request received so far whose method matches
// (any when "") and whose path contains pathPart.
func (s *Server) Requests(method, pathPart string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if (method == "" || r.Method == method) && strings.Contains(r.Path, pathPart) {
			out = append(out, r)
		}
	}
	return out
}

// Messages returns the messages created in a channel.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages[channelID]...)
}

// Wait blocks until cond holds, re-checking after every change the
// stand-in sees, and fails the test after 10 seconds.
func (s *Server) Wait(t testing.TB, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Await(ctx, cond); err != nil {
		t.Fatalf("discordtest: timed out waiting for %s", what)
	}
}

// Await blocks until cond holds, re-checking after every change the
// stand-in sees, or until ctx is done.
func (s *Server) Await(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// notify wakes waiters; the caller holds s.mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) id() string {
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{Method: r.Method, Path: apiPrefix.ReplaceAllString(r.URL.Path, ""), Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}
	formErr := readMultipart(&req)
	s.mu.Lock()
	defer s.mu.Unlock()
	status, reply, header := http.StatusBadRequest, any(apiError(50035, "Invalid Form Body")), map[string]string(nil)
	if formErr == nil {
		status, reply, header = s.answer(req)
	}
	req.Status = status
	s.requests = append(s.requests, req)
	s.notify()
	for k, v := range header {
		w.Header().Set(k, v)
	}
	if reply == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(reply)
}

// answer decides the response to one request; the caller holds s.mu.
func (s *Server) answer(r Request) (int, any, map[string]string) {
	if rl, ok := s.takeLimit(r); ok {
		secs := rl.retryAfter.Seconds()
		return http.StatusTooManyRequests,
			map[string]any{"message": "You are being rate limited.", "retry_after": secs, "global": false},
			map[string]string{
				"Retry-After": strconv.FormatFloat(secs, 'f', 3, 64), "X-RateLimit-Limit": "5",
				"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": strconv.FormatFloat(secs, 'f', 3, 64),
				"X-RateLimit-Bucket": "standin", "X-RateLimit-Scope": "user",
			}
	}
	p := strings.Split(strings.Trim(r.Path, "/"), "/")
	needsAuth := p[0] != "webhooks" && p[0] != "interactions"
	if needsAuth && !strings.HasPrefix(r.Header.Get("Authorization"), "Bot ") {
		return http.StatusUnauthorized, apiError(0, "401: Unauthorized"), nil
	}
	switch {
	case r.Method == "GET" && (r.Path == "/gateway" || r.Path == "/gateway/bot"):
		return 200, map[string]any{"url": "ws" + strings.TrimPrefix(s.rest.URL, "http") + "/ws", "shards": 1}, nil
	case r.Method == "GET" && (r.Path == "/oauth2/applications/@me" || r.Path == "/applications/@me"):
		return 200, map[string]any{"id": AppID, "name": "storybot", "bot_public": true}, nil
	case r.Method == "GET" && r.Path == "/users/@me":
		return 200, botUser(), nil
	case r.Method == "PUT" && p[0] == "applications" && p[len(p)-1] == "commands":
		return s.overwriteCommands(r)
	case r.Method == "POST" && p[0] == "interactions" && len(p) == 4 && p[3] == "callback":
		return s.callback(p[2])
	case r.Method == "PATCH" && p[0] == "webhooks" && len(p) == 5:
		return s.editWebhookMessage(r, p[2], p[4])
	case r.Method == "POST" && p[0] == "webhooks" && len(p) == 3:
		return s.followup(r, p[2])
	case r.Method == "POST" && p[0] == "channels" && len(p) == 3 && p[2] == "messages":
		return s.createMessage(r, p[1])
	case r.Method == "GET" && p[0] == "channels" && len(p) == 3 && p[2] == "messages":
		return s.listMessages(p[1])
	case r.Method == "GET" && p[0] == "channels" && len(p) == 2:
		return s.channel(p[1])
	case r.Method == "GET" && p[0] == "guilds" && len(p) == 2:
		return s.guild(p[1])
	case r.Method == "GET" && p[0] == "guilds" && len(p) == 4 && p[2] == "members":
		return s.member(p[1], p[3])
	}
	return http.StatusNotFound, apiError(0, "404: Not Found"), nil
}

func (s *Server) takeLimit(r Request) (rateLimit, bool) {
	for i, rl := range s.limits {
		if rl.method == r.Method && strings.HasSuffix(r.Path, rl.pathSuffix) {
			s.limits = append(s.limits[:i], s.limits[i+1:]...)
			return rl, true
		}
	}
	return rateLimit{}, false
}

func apiError(code int, msg string) map[string]any {
	return map[string]any{"code": code, "message": msg}
}

func botUser() map[string]any {
	return map[string]any{"id": BotUserID, "username": "storybot", "discriminator": "0", "bot": true}
}

func (s *Server) overwriteCommands(r Request) (int, any, map[string]string) {
	var cmds []map[string]any
	if err := r.Decode(&cmds); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error()), nil
	}
	for _, c := range cmds {
		c["id"], c["application_id"], c["version"] = s.id(), AppID, "1"
	}
	return 200, cmds, nil
}

func (s *Server) callback(token string) (int, any, map[string]string) {
	if s.acked[token] {
		return http.StatusBadRequest, apiError(40060, "Interaction has already been acknowledged."), nil
	}
	s.acked[token] = true
	return http.StatusNoContent, nil, nil
}

func (s *Server) editWebhookMessage(r Request, token, messageID string) (int, any, map[string]string) {
	if s.issued[token] && !s.acked[token] {
		return http.StatusNotFound, apiError(10015, "Unknown Webhook"), nil
	}
	var m Message
	if err := r.Decode(&m); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error()), nil
	}
	m.ID = messageID
	return 200, m, nil
}

func (s *Server) followup(r Request, token string) (int, any, map[string]string) {
	if s.issued[token] && !s.acked[token] {
		return http.StatusNotFound, apiError(10015, "Unknown Webhook"), nil
	}
	var m Message
	if err := r.Decode(&m); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error()), nil
	}
	m.ID = s.id()
	return 200, m, nil
}

// createMessage posts to a channel. Like Discord, a nonce sent with
// enforce_nonce returns the message first created with it instead of a
// second one.
func (s *Server) createMessage(r Request, channelID string) (int, any, map[string]string) {
	var in struct {
		Message
		EnforceNonce bool `json:"enforce_nonce"`
	}
	if err := r.Decode(&in); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error()), nil
	}
	if len(in.Nonce) > 25 {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: nonce too long"), nil
	}
	key := channelID + "\x00" + in.Nonce
	if m, ok := s.nonces[key]; ok && in.EnforceNonce && in.Nonce != "" {
		return 200, m, nil
	}
	m := in.Message
	m.ID, m.ChannelID = s.id(), channelID
	s.messages[channelID] = append(s.messages[channelID], m)
	if in.Nonce != "" {
		s.nonces[key] = m
	}
	return 200, m, nil
}

// listMessages returns a channel's messages newest first, as the bot's.
func (s *Server) listMessages(channelID string) (int, any, map[string]string) {
	if s.hideHistory {
		return http.StatusForbidden, apiError(50001, "Missing Access"), nil
	}
	ms := s.messages[channelID]
	out := make([]map[string]any, 0, len(ms))
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		out = append(out, map[string]any{"id": m.ID, "channel_id": m.ChannelID, "content": m.Content,
			"embeds": m.Embeds, "author": botUser()})
	}
	return 200, out, nil
}

// ForgetNonces makes the stand-in forget the nonces it has seen, as Discord
// does after a few minutes.
func (s *Server) ForgetNonces() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.nonces)
}

// HideHistory makes reading a channel's messages fail with 403, as for a
// bot without the Read Message History permission.
func (s *Server) HideHistory() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hideHistory = true
}

// String describes the recorded requests, for failure messages.
func (s *Server) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, r := range s.requests {
		fmt.Fprintf(&b, "%s %s -> %d %.200s\n", r.Method, r.Path, r.Status, r.Body)
	}
	return b.String()
}
