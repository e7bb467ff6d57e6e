package message

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestAPIClientRewritesDiscordHost(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Host+" "+r.URL.Path)
	}))
	defer srv.Close()
	client, err := APIClient(srv.URL + "/proxy/")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Get("https://discord.com/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := srv.Listener.Addr().String() + " /proxy/api/v9/gateway"; len(got) != 1 || got[0] != want {
		t.Errorf("server saw %q, want %q", got, want)
	}
}

func TestAPIClientRefusesBadBase(t *testing.T) {
	for _, base := range []string{"ftp://x", "not a url", "http://"} {
		if _, err := APIClient(base); err == nil {
			t.Errorf("APIClient(%q) accepted", base)
		}
	}
}
