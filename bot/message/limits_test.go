package message

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		want  string
	}{
		{"fits", "abc", 3, "abc"},
		{"cut with ellipsis", "abcdef", 4, "abc…"},
		{"rune boundary", "ééééé", 3, "éé…"},
		{"astral counts two", "a😀😀", 4, "a😀…"},
		{"no dangling escape", `ab\*cd`, 4, "ab…"},
		{"escaped backslash kept", `a\\bcd`, 4, `a\\…`},
		{"zero", "abc", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Truncate(tt.in, tt.limit)
			if got != tt.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
			if TextLen(got) > tt.limit {
				t.Errorf("Truncate(%q, %d) is %d long", tt.in, tt.limit, TextLen(got))
			}
		})
	}
}

func field(name, value string) *discordgo.MessageEmbedField {
	return &discordgo.MessageEmbedField{Name: name, Value: value}
}

func TestFit(t *testing.T) {
	x := strings.Repeat
	manyFields := make([]*discordgo.MessageEmbedField, 30)
	for i := range manyFields {
		manyFields[i] = field("n", "v")
	}
	bigFields := make([]*discordgo.MessageEmbedField, 10)
	for i := range bigFields {
		bigFields[i] = field("n", x("v", 1000))
	}
	tests := []struct {
		name        string
		content     string
		embeds      []*discordgo.MessageEmbed
		wantContent int
		wantEmbeds  int
		wantFields  []int
		wantTotal   int // -1: do not check exactly
	}{
		{"content", x("c", 2500), nil, 2000, 0, nil, 0},
		{"title and description", "", []*discordgo.MessageEmbed{{Title: x("t", 300), Description: x("d", 5000)}}, 0, 1, []int{0}, 256 + 4096},
		{"field texts", "", []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{field(x("n", 300), x("v", 2000))}}}, 0, 1, []int{1}, 256 + 1024},
		{"empty field texts", "", []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{field("", " ")}}}, 0, 1, []int{1}, 2},
		{"25 fields", "", []*discordgo.MessageEmbed{{Fields: manyFields}}, 0, 1, []int{25}, 50},
		{"10 embeds", "", make12(), 0, 10, nil, -1},
		{"6000 total drops trailing fields", "", []*discordgo.MessageEmbed{{Description: x("d", 4000), Fields: bigFields}}, 0, 1, []int{1}, 4000 + 1001},
		{"6000 total over two embeds shortens description", "", []*discordgo.MessageEmbed{{Description: x("d", 4000)}, {Description: x("e", 4000)}}, 0, 2, []int{0, 0}, 6000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := embedsLen(tt.embeds)
			content, embeds := Fit(tt.content, tt.embeds)
			if TextLen(content) != tt.wantContent {
				t.Errorf("content %d long, want %d", TextLen(content), tt.wantContent)
			}
			if len(embeds) != tt.wantEmbeds {
				t.Fatalf("%d embeds, want %d", len(embeds), tt.wantEmbeds)
			}
			for i, n := range tt.wantFields {
				if len(embeds[i].Fields) != n {
					t.Errorf("embed %d has %d fields, want %d", i, len(embeds[i].Fields), n)
				}
			}
			if got := embedsLen(embeds); (tt.wantTotal >= 0 && got != tt.wantTotal) || got > maxEmbedsTotal {
				t.Errorf("total %d, want %d (at most %d)", got, tt.wantTotal, maxEmbedsTotal)
			}
			if embedsLen(tt.embeds) != before {
				t.Errorf("Fit modified its input")
			}
		})
	}
}

func make12() []*discordgo.MessageEmbed {
	out := make([]*discordgo.MessageEmbed, 12)
	for i := range out {
		out[i] = &discordgo.MessageEmbed{Title: "t"}
	}
	return out
}

func TestRoom(t *testing.T) {
	e := &discordgo.MessageEmbed{Title: "t", Description: "dé", Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: "😀"}}, Footer: &discordgo.MessageEmbedFooter{Text: "f"}}
	if got, want := Room(e), maxEmbedsTotal-7; got != want { // é is one UTF-16 unit, 😀 two
		t.Errorf("Room = %d, want %d", got, want)
	}
	if got := Room(e, e); got != maxEmbedsTotal-14 {
		t.Errorf("Room of two = %d, want %d", got, maxEmbedsTotal-14)
	}
	if got := FieldRoom(strings.Repeat("a", 1000) + "😀"); got != maxFieldValue-1002 {
		t.Errorf("FieldRoom = %d, want %d", got, maxFieldValue-1002)
	}
}
