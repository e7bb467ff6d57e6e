package discordtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
)

// heartbeatInterval is what HELLO asks for, in milliseconds; long, so that
// tests see the first heartbeat only.
const heartbeatInterval = 45000

// payload is a gateway message.
type payload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d,omitempty"`
	S  int64           `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

// gateway is the state of the stand-in's gateway; it is guarded by
// Server.mu, except conn writes, which wmu serialises.
type gateway struct {
	conn       *wsConn
	sessionID  string
	seq        int64
	history    []payload // dispatches of this session, for RESUME
	identifies []json.RawMessage
	resumes    int
	heartbeats int
	sessions   int
}

type wsConn struct {
	wmu  sync.Mutex
	conn interface {
		WriteJSON(v any) error
		ReadJSON(v any) error
		Close() error
	}
}

func (c *wsConn) send(p payload) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.conn.WriteJSON(p)
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	conn, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &wsConn{conn: conn}
	s.mu.Lock()
	if s.gw.conn != nil {
		s.gw.conn.conn.Close()
	}
	s.gw.conn = c
	s.notify()
	s.mu.Unlock()
	hello, _ := json.Marshal(map[string]any{"heartbeat_interval": heartbeatInterval})
	if c.send(payload{Op: 10, D: hello}) != nil {
		return
	}
	for {
		var in payload
		if err := conn.ReadJSON(&in); err != nil {
			s.mu.Lock()
			if s.gw.conn == c {
				s.gw.conn = nil
				s.notify()
			}
			s.mu.Unlock()
			return
		}
		s.gatewayOp(c, in)
	}
}

// gatewayOp answers one client message.
func (s *Server) gatewayOp(c *wsConn, in payload) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.notify()
	switch in.Op {
	case 1: // heartbeat
		s.gw.heartbeats++
		c.send(payload{Op: 11})
	case 2: // identify
		s.gw.identifies = append(s.gw.identifies, in.D)
		s.gw.sessions++
		s.gw.sessionID = "session-" + strconv.Itoa(s.gw.sessions)
		s.gw.seq, s.gw.history = 0, nil
		s.dispatchLocked(c, "READY", map[string]any{
			"v": 10, "session_id": s.gw.sessionID, "user": botUser(), "guilds": []any{},
			"application":        map[string]any{"id": AppID, "flags": 0},
			"resume_gateway_url": "ws" + s.rest.URL[len("http"):] + "/ws",
		})
	case 6: // resume
		var d struct {
			SessionID string `json:"session_id"`
			Seq       int64  `json:"seq"`
		}
		json.Unmarshal(in.D, &d)
		if d.SessionID != s.gw.sessionID {
			c.send(payload{Op: 9, D: json.RawMessage("false")})
			return
		}
		s.gw.resumes++
		for _, p := range s.gw.history {
			if p.S > d.Seq {
				c.send(p)
			}
		}
		s.dispatchLocked(c, "RESUMED", map[string]any{})
	}
}

// Dispatch sends an event to the bot. With no connection, the event waits
// in the session's history for the bot's RESUME.
func (s *Server) Dispatch(eventType string, data any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dispatchLocked(s.gw.conn, eventType, data)
	s.notify()
}

func (s *Server) dispatchLocked(c *wsConn, eventType string, data any) {
	raw, err := json.Marshal(data)
	if err != nil {
		panic("discordtest: dispatch: " + err.Error())
	}
	s.gw.seq++
	p := payload{Op: 0, S: s.gw.seq, T: eventType, D: raw}
	s.gw.history = append(s.gw.history, p)
	if c != nil {
		c.send(p)
	}
}

// Drop cuts the gateway connection without a close frame, as a network
// failure would; the bot should reconnect and RESUME.
func (s *Server) Drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gw.conn != nil {
		s.gw.conn.conn.Close()
		s.gw.conn = nil
		s.notify()
	}
}

// GatewayStats counts what the gateway has seen.
type GatewayStats struct {
	Connected  bool
	Identifies int
	Resumes    int
	Heartbeats int
}

// Gateway returns the gateway's counters.
func (s *Server) Gateway() GatewayStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return GatewayStats{Connected: s.gw.conn != nil, Identifies: len(s.gw.identifies), Resumes: s.gw.resumes, Heartbeats: s.gw.heartbeats}
}

// Identify returns the n-th IDENTIFY payload received (0-based).
func (s *Server) Identify(n int) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n >= len(s.gw.identifies) {
		return nil
	}
	return s.gw.identifies[n]
}
