//! Which characters the packet's fonts cannot print. typst draws a character that no font has as
//! an empty box (tofu) without any error, so the builder checks every string a person typed
//! before rendering and turns each missing character into a preflight item instead.
//!
//! Guarantee: a character is reported missing exactly when none of the given faces maps it to a
//! glyph, which is when typst's font fallback (over the same faces) would print tofu.

use typst::foundations::Bytes;
use typst::text::Font;

use crate::model::Packet;
use crate::pdf::FONT_FILES;

/// The characters a set of font faces can draw.
pub struct FontCoverage {
    fonts: Vec<Font>,
}

/// Why font bytes could not be used for a coverage check.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("字体文件 {index} 无法读取")]
pub struct BadFont {
    pub index: usize,
}

impl FontCoverage {
    /// Coverage of the given font files (the first face of each).
    pub fn from_fonts(files: &[&[u8]]) -> Result<FontCoverage, BadFont> {
        let fonts = files
            .iter()
            .enumerate()
            .map(|(index, data)| Font::new(Bytes::new(data.to_vec()), 0).ok_or(BadFont { index }))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FontCoverage { fonts })
    }

    /// Coverage of the fonts every packet PDF is set in.
    pub fn bundled() -> FontCoverage {
        let fonts = FONT_FILES
            .iter()
            .map(|(name, data)| {
                Font::new(Bytes::new(*data), 0).unwrap_or_else(|| panic!("bundled font {name} is not a readable font"))
            })
            .collect();
        FontCoverage { fonts }
    }

    pub fn covers(&self, c: char) -> bool {
        // Line breaks and tabs are layout, not glyphs.
        c.is_control() || self.fonts.iter().any(|f| f.info().coverage.contains(c as u32))
    }

    /// The characters of `text` no face can draw, each once, in order of first appearance.
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if !missing.contains(&c) && !self.covers(c) {
                missing.push(c);
            }
        }
        missing
    }

    /// Every user string of `packet` that has characters the fonts lack, with where it is.
    pub fn packet_missing(&self, packet: &Packet) -> Vec<MissingGlyphs> {
        packet
            .texts()
            .into_iter()
            .filter_map(|field| {
                let chars = self.missing_glyphs(field.text);
                (!chars.is_empty()).then(|| MissingGlyphs {
                    place: field.place.to_owned(),
                    row: field.row,
                    text: field.text.to_owned(),
                    chars,
                })
            })
            .collect()
    }
}

/// One string that would print with blank boxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyphs {
    pub place: String,
    /// 1-based row of a table or paragraph number, when the place is a list.
    pub row: Option<usize>,
    pub text: String,
    pub chars: Vec<char>,
}

impl MissingGlyphs {
    /// One Chinese sentence for the preflight list.
    pub fn message(&self) -> String {
        let chars: String = self.chars.iter().map(|c| format!("「{c}」")).collect();
        let place = match self.row {
            Some(row) => format!("{}（第 {row} 条）", self.place),
            None => self.place.clone(),
        };
        format!(
            "{place}中的 {chars} 超出打印字体（GBK 字符集）范围，打印时会显示为空白方框；请改用常用字或同音字说明。"
        )
    }
}
