package config

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is how a document's bytes map to text. The document keeps it so
// that an edited document is written back exactly as it was read: same byte
// order mark, same code units.
type Encoding int

const (
	UTF8 Encoding = iota
	UTF16LE
	UTF16BE
	Windows1252
	ISO88591
)

// String names the encoding the way an XML declaration would.
func (e Encoding) String() string {
	switch e {
	case UTF16LE:
		return "utf-16le"
	case UTF16BE:
		return "utf-16be"
	case Windows1252:
		return "windows-1252"
	case ISO88591:
		return "iso-8859-1"
	}
	return "utf-8"
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decoded is the UTF-8 text of a file plus what is needed to encode it back.
type decoded struct {
	text []byte
	enc  Encoding
	bom  bool
}

// decode turns a file's bytes into UTF-8 text. The byte order mark is not
// part of the text; positions therefore never count it.
func decode(data []byte) (decoded, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return decoded{}, fmt.Errorf("unsupported encoding UTF-32; convert the file to UTF-8")
	case bytes.HasPrefix(data, bomUTF8):
		text := data[len(bomUTF8):]
		return decoded{text: text, enc: UTF8, bom: true}, nil
	case bytes.HasPrefix(data, bomUTF16LE):
		text, err := decodeUTF16(data[2:], false)
		return decoded{text: text, enc: UTF16LE, bom: true}, err
	case bytes.HasPrefix(data, bomUTF16BE):
		text, err := decodeUTF16(data[2:], true)
		return decoded{text: text, enc: UTF16BE, bom: true}, err
	case bytes.HasPrefix(data, []byte{'<', 0, '?', 0}):
		// UTF-16 without a byte order mark (XML 1.0 appendix F).
		text, err := decodeUTF16(data, false)
		return decoded{text: text, enc: UTF16LE}, err
	case bytes.HasPrefix(data, []byte{0, '<', 0, '?'}):
		text, err := decodeUTF16(data, true)
		return decoded{text: text, enc: UTF16BE}, err
	}
	if order := utf16Without(data); order != "" {
		// Read as UTF-8 it would fail at its first NUL with a message about
		// tags or characters; say what the file is instead.
		return decoded{}, fmt.Errorf("the file looks like UTF-16 (%s) without a byte order mark or an XML declaration, which iiscfg cannot tell from other encodings; save it as UTF-8, or as UTF-16 with a byte order mark", order)
	}
	// No byte order mark: ASCII-compatible bytes, so the declaration can be
	// read as it stands.
	name := declaredEncoding(data)
	switch normalizeEncodingName(name) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return decoded{text: data, enc: UTF8}, nil
	case "windows-1252", "cp1252", "x-cp1252":
		return decoded{text: decode8bit(data, &windows1252High), enc: Windows1252}, nil
	case "iso-8859-1", "latin1", "l1", "iso8859-1", "iso_8859-1", "cp819", "ibm819":
		return decoded{text: decode8bit(data, nil), enc: ISO88591}, nil
	case "utf-16", "utf16", "unicode", "utf-16le", "utf-16be":
		return decoded{}, fmt.Errorf("the XML declaration says encoding %q but the file has no UTF-16 byte order mark and is not UTF-16; fix the declaration or the file", name)
	}
	return decoded{}, fmt.Errorf("unsupported encoding %q; supported are UTF-8, UTF-16 (with byte order mark), windows-1252 and iso-8859-1", name)
}

// utf16Without recognises UTF-16 text that has neither a byte order mark
// nor a declaration by its NUL bytes: ASCII characters (the markup) are a
// byte and a NUL, in one order or the other. It returns "little-endian",
// "big-endian" or "". NUL is not allowed in XML, so this never turns a
// file that would parse into an error (docs/iis-behaviour.md §13.4).
func utf16Without(data []byte) string {
	pairs := min(len(data)/2, 256)
	if pairs < 2 || (data[0] != 0 && data[1] != 0) {
		return "" // either answer needs a NUL in the first two bytes
	}
	le, be := 0, 0
	for i := range pairs {
		lo, hi := data[2*i], data[2*i+1]
		switch {
		case lo != 0 && lo < utf8.RuneSelf && hi == 0:
			le++
		case lo == 0 && hi != 0 && hi < utf8.RuneSelf:
			be++
		}
	}
	switch {
	case le*4 >= pairs*3 && data[1] == 0:
		return "little-endian"
	case be*4 >= pairs*3 && data[0] == 0:
		return "big-endian"
	}
	return ""
}

func normalizeEncodingName(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// declaredEncoding returns the encoding pseudo-attribute of an XML
// declaration at the very start of data, or "".
func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := data[5:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return string(rest[1 : 1+j])
}

func decodeUTF16(data []byte, bigEndian bool) ([]byte, error) {
	if len(data)%2 != 0 {
		return nil, fmt.Errorf("truncated UTF-16 file: odd number of bytes")
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	out := make([]byte, 0, len(units)+len(units)/4)
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
				out = utf8.AppendRune(out, utf16.DecodeRune(rune(u), rune(units[i+1])))
				i++
				continue
			}
			// An unpaired surrogate cannot be represented in UTF-8; it is
			// not a legal XML character either.
			return nil, fmt.Errorf("invalid UTF-16: unpaired surrogate 0x%04X at byte %d", u, 2*i)
		default:
			out = utf8.AppendRune(out, rune(u))
		}
	}
	return out, nil
}

func encodeUTF16(text []byte, bigEndian bool) []byte {
	out := make([]byte, 0, 2*len(text))
	put := func(u uint16) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	for _, r := range string(text) {
		if r >= 0x10000 {
			hi, lo := utf16.EncodeRune(r)
			put(uint16(hi))
			put(uint16(lo))
			continue
		}
		put(uint16(r))
	}
	return out
}

// windows1252High maps bytes 0x80..0x9F. The five bytes the code page leaves
// undefined map to the C1 control of the same value, as the WHATWG encoding
// standard does, so decoding is reversible for every byte.
var windows1252High = [32]rune{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// decode8bit decodes a single-byte encoding: Latin-1 when high is nil,
// otherwise Latin-1 with 0x80..0x9F replaced from high.
func decode8bit(data []byte, high *[32]rune) []byte {
	ascii := true
	for _, b := range data {
		if b >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return data
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, b := range data {
		switch {
		case b < 0x80:
			out = append(out, b)
		case high != nil && b < 0xA0:
			out = utf8.AppendRune(out, high[b-0x80])
		default:
			out = utf8.AppendRune(out, rune(b))
		}
	}
	return out
}

// encode8bit is the inverse of decode8bit. A character the code page cannot
// hold is written as a numeric character reference, which is how XML spells
// any character in any encoding.
func encode8bit(text []byte, high *[32]rune) []byte {
	out := make([]byte, 0, len(text))
	for _, r := range string(text) {
		if b, ok := byteFor(r, high); ok {
			out = append(out, b)
			continue
		}
		out = append(out, fmt.Sprintf("&#x%X;", r)...)
	}
	return out
}

func byteFor(r rune, high *[32]rune) (byte, bool) {
	if r < 0x80 {
		return byte(r), true
	}
	if high != nil {
		for i, h := range high {
			if h == r {
				return byte(0x80 + i), true
			}
		}
		if r >= 0x80 && r < 0xA0 {
			return 0, false
		}
	}
	if r < 0x100 {
		return byte(r), true
	}
	return 0, false
}

// encode turns UTF-8 text back into the document's encoding.
func (d decoded) encode(text []byte) []byte {
	var out []byte
	switch d.enc {
	case UTF16LE, UTF16BE:
		body := encodeUTF16(text, d.enc == UTF16BE)
		if d.bom {
			bom := bomUTF16LE
			if d.enc == UTF16BE {
				bom = bomUTF16BE
			}
			out = append(append(out, bom...), body...)
		} else {
			out = body
		}
		return out
	case Windows1252:
		return encode8bit(text, &windows1252High)
	case ISO88591:
		return encode8bit(text, nil)
	}
	if d.bom {
		out = make([]byte, 0, len(bomUTF8)+len(text))
		out = append(append(out, bomUTF8...), text...)
		return out
	}
	return append([]byte(nil), text...)
}
