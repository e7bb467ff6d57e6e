// Package feed turns the bytes of an RSS, Atom or JSON Feed document into
// a Feed of clean Items: text decoded to UTF-8, titles stripped of markup
// and entities, links made absolute, unparseable dates left zero, and
// repeated items dropped.
package feed
