package article

import (
	"testing"
	"unicode"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"  The council met on Monday.  ", 5},
		{"well-known U.S. firm", 3},
		{"東京都は十五日、", 7},           // six Han characters and は
		{"防災計画 was announced", 6}, // four Han characters, two words
		{"กรุงเทพ", 7},            // Thai: one per character
		{"서울시는 새로운 계획을 발표했다", 4},  // Korean is written with spaces
		{"「都民の命を守る」と述べた。", 11},    // brackets and the full stop are no words
		{"a — b", 2},
	}
	for _, tt := range tests {
		if got := Words(tt.text); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestFirstUnspaced checks the shortcut of Words: no rune below
// firstUnspaced is of a script written without spaces, and firstUnspaced
// itself is.
func TestFirstUnspaced(t *testing.T) {
	for r := rune(0); r < firstUnspaced; r++ {
		if unicode.In(r, unspacedScripts...) {
			t.Fatalf("%U is unspaced but below firstUnspaced %U", r, firstUnspaced)
		}
	}
	if !unicode.In(firstUnspaced, unspacedScripts...) {
		t.Errorf("firstUnspaced %U is of no unspaced script", firstUnspaced)
	}
}
