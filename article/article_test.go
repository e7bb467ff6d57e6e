package article

import "testing"

func TestOutletName(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want string
	}{
		{"outlet", Article{Outlet: "  BBC   News ", URL: "https://www.bbc.co.uk/news/x", Source: "bbc"}, "BBC News"},
		{"host without www", Article{URL: "https://www.Example.org/a", Source: "feeds"}, "example.org"},
		{"host with port", Article{URL: "http://127.0.0.1:8080/a", Source: "local"}, "127.0.0.1"},
		{"file falls back to the source", Article{URL: "file:///corpus/a.txt", Source: "corpus"}, "corpus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.OutletName(); got != tt.want {
				t.Errorf("OutletName() = %q, want %q", got, tt.want)
			}
			p := Passage{Outlet: tt.a.Outlet, URL: tt.a.URL, Source: tt.a.Source}
			if got := p.OutletName(); got != tt.want {
				t.Errorf("Passage.OutletName() = %q, want %q", got, tt.want)
			}
		})
	}
}
