package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// FuzzVerify checks the interaction signature check on any headers and
// body: no panic, a forged signature never passes, and the real signature
// passes exactly when the timestamp is within maxSkew.
func FuzzVerify(f *testing.F) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		f.Fatal(err)
	}
	now := time.Unix(1_700_000_000, 0)
	f.Add([]byte(`{"type":1}`), "1700000000", "00", false)
	f.Add([]byte(`{"type":2,"data":{"name":"ask"}}`), "1699999000", "", true)
	f.Add([]byte{}, "-1", "zz", true)
	f.Add([]byte(`{}`), "99999999999999999999", "", true)
	f.Fuzz(func(t *testing.T, body []byte, ts, sigHex string, sign bool) {
		if sign {
			sigHex = hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...)))
		}
		h := http.Header{}
		h.Set("X-Signature-Ed25519", sigHex)
		h.Set("X-Signature-Timestamp", ts)
		err := verify(pub, h, body, now)
		genuine := ed25519.Verify(pub, append([]byte(ts), body...), mustHex(sigHex))
		secs, perr := strconv.ParseInt(ts, 10, 64)
		skew := int64(maxSkew / time.Second)
		fresh := perr == nil && secs >= now.Unix()-skew && secs <= now.Unix()+skew
		if want := genuine && fresh; (err == nil) != want {
			t.Fatalf("verify(ts %q, sig %q) = %v; genuine %v, fresh %v", ts, sigHex, err, genuine, fresh)
		}
	})
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.SignatureSize {
		return make([]byte, ed25519.SignatureSize) // never a valid signature of a message
	}
	return b
}
