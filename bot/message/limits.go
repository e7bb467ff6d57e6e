package message

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's message limits, in characters.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFields      = 25
	maxFooter      = 2048
	maxAuthor      = 256
	maxEmbeds      = 10
	maxEmbedsTotal = 6000 // titles, descriptions, field names and values, footers and authors of all embeds
)

// Fit returns content and copies of embeds cut to Discord's limits: each
// text to its own limit, at most 25 fields and 10 embeds, and at most 6000
// characters across all embeds (dropping trailing fields, then shortening
// the last description, then dropping trailing embeds). Characters are
// counted as UTF-16 code units, as Discord counts them. The inputs are not
// modified.
func Fit(content string, embeds []*discordgo.MessageEmbed) (string, []*discordgo.MessageEmbed) {
	content = Truncate(content, maxContent)
	if len(embeds) > maxEmbeds {
		embeds = embeds[:maxEmbeds]
	}
	out := make([]*discordgo.MessageEmbed, 0, len(embeds))
	for _, e := range embeds {
		if e != nil {
			out = append(out, fitEmbed(e))
		}
	}
	for total := embedsLen(out); total > maxEmbedsTotal; total = embedsLen(out) {
		last := out[len(out)-1]
		switch {
		case len(last.Fields) > 0:
			last.Fields = last.Fields[:len(last.Fields)-1]
		case TextLen(last.Description) > 0:
			keep := max(0, TextLen(last.Description)-(total-maxEmbedsTotal))
			last.Description = Truncate(last.Description, keep)
		case len(out) > 1:
			out = out[:len(out)-1]
		default:
			last.Title = Truncate(last.Title, max(0, TextLen(last.Title)-(total-maxEmbedsTotal)))
		}
	}
	return content, out
}

// fitEmbed returns a copy of e with every text and the field count within
// limits. Empty field names and values, which Discord rejects, become a
// zero-width space.
func fitEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	c := *e
	c.Title = Truncate(c.Title, maxTitle)
	c.Description = Truncate(c.Description, maxDescription)
	if c.Footer != nil {
		f := *c.Footer
		f.Text = Truncate(f.Text, maxFooter)
		c.Footer = &f
	}
	if c.Author != nil {
		a := *c.Author
		a.Name = Truncate(a.Name, maxAuthor)
		c.Author = &a
	}
	fields := e.Fields
	if len(fields) > maxFields {
		fields = fields[:maxFields]
	}
	c.Fields = make([]*discordgo.MessageEmbedField, 0, len(fields))
	for _, f := range fields {
		if f == nil {
			continue
		}
		nf := *f
		nf.Name = nonEmpty(Truncate(nf.Name, maxFieldName))
		nf.Value = nonEmpty(Truncate(nf.Value, maxFieldValue))
		c.Fields = append(c.Fields, &nf)
	}
	return &c
}

func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return zwsp
	}
	return s
}

// Room returns how many characters Discord's 6000-character total for a
// message's embeds leaves beside embeds (negative when they are over it).
func Room(embeds ...*discordgo.MessageEmbed) int {
	return maxEmbedsTotal - embedsLen(embeds)
}

// FieldRoom returns how many characters Discord's 1024-character limit for
// a field's value leaves after value.
func FieldRoom(value string) int { return maxFieldValue - TextLen(value) }

// embedsLen is the length Discord counts against the 6000 limit.
func embedsLen(embeds []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range embeds {
		n += TextLen(e.Title) + TextLen(e.Description)
		for _, f := range e.Fields {
			n += TextLen(f.Name) + TextLen(f.Value)
		}
		if e.Footer != nil {
			n += TextLen(e.Footer.Text)
		}
		if e.Author != nil {
			n += TextLen(e.Author.Name)
		}
	}
	return n
}

// TextLen counts s in UTF-16 code units, as Discord counts its limits.
func TextLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Truncate cuts s to at most limit UTF-16 code units, ending with "…" when
// cut. It cuts on a rune boundary and never leaves a dangling escape
// backslash.
func Truncate(s string, limit int) string {
	if TextLen(s) <= limit {
		return s
	}
	if limit <= 0 {
		return ""
	}
	n, end := 0, 0
	for i, r := range s {
		if n+utf16.RuneLen(r) > limit-1 {
			break
		}
		n += utf16.RuneLen(r)
		end = i + utf8.RuneLen(r)
	}
	cut := s[:end]
	if slashes := len(cut) - len(strings.TrimRight(cut, "\\")); slashes%2 == 1 {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}
