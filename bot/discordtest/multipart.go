package discordtest

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"strings"
)

// readMultipart replaces a multipart/form-data request's body with its
// payload_json part and collects its files, as Discord reads a message
// with attachments. Other requests are left as they are.
func readMultipart(r *Request) error {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	var payload []byte
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("discordtest: multipart: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("discordtest: multipart: %w", err)
		}
		switch name := part.FormName(); {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files["):
			r.Files = append(r.Files, File{Field: name, Name: part.FileName(), ContentType: part.Header.Get("Content-Type"), Data: data})
		default:
			return fmt.Errorf("discordtest: multipart: unexpected part %q", name)
		}
	}
	if payload == nil {
		return fmt.Errorf("discordtest: multipart: no payload_json")
	}
	r.Body = payload
	return nil
}
