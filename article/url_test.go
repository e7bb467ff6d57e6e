package article

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"already canonical", "https://www.bbc.co.uk/news/uk-123", "https://www.bbc.co.uk/news/uk-123"},
		{"utm parameters", "https://www.bbc.co.uk/news/uk-123?utm_source=twitter&utm_medium=social&UTM_Campaign=x", "https://www.bbc.co.uk/news/uk-123"},
		{"click ids", "https://example.com/a?fbclid=IwAR0&gclid=abc", "https://example.com/a"},
		{"fragment", "https://example.com/a#comments", "https://example.com/a"},
		{"https default port", "https://example.com:443/a", "https://example.com/a"},
		{"http default port", "http://example.com:80/a", "http://example.com/a"},
		{"other port kept", "http://example.com:8080/a", "http://example.com:8080/a"},
		{"https on port 80 kept", "https://example.com:80/a", "https://example.com:80/a"},
		{"scheme and host lower-cased, path not", "HTTPS://Example.COM/News/A", "https://example.com/News/A"},
		{"real parameters kept and sorted", "https://example.com/a?page=2&id=7&utm_source=x", "https://example.com/a?id=7&page=2"},
		{"empty path becomes slash", "https://example.com", "https://example.com/"},
		{"surrounding space", "  https://example.com/a \n", "https://example.com/a"},
		{"only tracking leaves no question mark", "https://example.com/a?utm_source=x#top", "https://example.com/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CanonicalURL(tt.in)
			if err != nil {
				t.Fatalf("CanonicalURL(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalURLInvalid(t *testing.T) {
	if _, err := CanonicalURL("http://[::1"); err == nil {
		t.Errorf("unbalanced bracket: got nil error, want one")
	}
}
