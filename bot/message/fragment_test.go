package message

import "testing"

func TestPassageLink(t *testing.T) {
	tests := []struct {
		name, url, passage, want string
	}{
		{"opening words", "https://news.example/a", "The mayor said the leak was arrogant and reckless today.",
			"https://news.example/a#:~:text=The%20mayor%20said%20the%20leak%20was%20arrogant%20and"},
		{"reserved characters encoded", "https://news.example/a", "Jones-Smith, 42 & co",
			"https://news.example/a#:~:text=Jones%2DSmith%2C%2042%20%26%20co"},
		{"existing fragment replaced", "https://news.example/a#top", "Hello",
			"https://news.example/a#:~:text=Hello"},
		{"non-ascii", "https://news.example/a", "Café’s",
			"https://news.example/a#:~:text=Caf%C3%A9%E2%80%99s"},
		{"parentheses in url made markdown-safe", "https://en.example/wiki/Leak_(2017)", "x",
			"https://en.example/wiki/Leak_%282017%29#:~:text=x"},
		{"empty passage", "https://news.example/a", "  ", "https://news.example/a"},
		{"file url", "file:///srv/a.txt", "Hello", ""},
		{"javascript", "javascript:alert(1)", "Hello", ""},
		{"no url", "", "Hello", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PassageLink(tt.url, tt.passage); got != tt.want {
				t.Errorf("PassageLink(%q, %q) = %q, want %q", tt.url, tt.passage, got, tt.want)
			}
		})
	}
}
