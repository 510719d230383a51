//! A small serde `Deserializer` over a parsed `toml::Value`.
//!
//! Why not toml's own: its deserializer is instantiated once per policy struct and was most of the
//! WebAssembly module (~600 KB of code for ~40 types); this one is a few hundred bytes per type.
//! It also tracks the key path, so a shape error names the field (`benefits.inpatient.deductibles[2].amount`).
//! TOML text is still parsed by the `toml` crate (into a `toml::Table`); only the mapping onto
//! the typed model happens here.

use core::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use toml::Value;

/// A shape error and where it happened.
#[derive(Debug)]
pub struct DeError {
    pub path: Option<String>,
    pub msg: String,
}

impl DeError {
    fn at(mut self, path: &str) -> DeError {
        if self.path.is_none() && !path.is_empty() {
            self.path = Some(path.to_string());
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{p}: {}", self.msg),
            None => f.write_str(&self.msg),
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            path: None,
            msg: msg.to_string(),
        }
    }
}

/// Deserialises `T` from a whole TOML document.
pub fn from_table<T: DeserializeOwned>(t: &toml::Table) -> Result<T, DeError> {
    T::deserialize(Top(t))
}

struct Top<'a>(&'a toml::Table);

impl<'de> de::Deserializer<'de> for Top<'_> {
    type Error = DeError;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(Map {
            it: self.0.iter(),
            value: None,
            path: "",
        })
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct De<'a> {
    v: &'a Value,
    path: String,
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match self.v {
            Value::String(s) => visitor.visit_str(s),
            Value::Integer(i) => visitor.visit_i64(*i),
            Value::Boolean(b) => visitor.visit_bool(*b),
            Value::Float(_) => Err(de::Error::custom("小数须写成带引号的字符串，如 \"0.65\" / decimals must be quoted strings, e.g. \"0.65\"")),
            Value::Datetime(d) => visitor.visit_string(d.to_string()),
            Value::Array(a) => visitor.visit_seq(Seq { it: a.iter().enumerate(), path: &self.path }),
            Value::Table(t) => visitor.visit_map(Map { it: t.iter(), value: None, path: &self.path }),
        };
        r.map_err(|e| e.at(&self.path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.v {
            Value::String(s) => visitor
                .visit_enum(s.as_str().into_deserializer())
                .map_err(|e: DeError| e.at(&self.path)),
            _ => Err(DeError {
                path: Some(self.path.clone()),
                msg: "应为字符串 / expected a string".into(),
            }),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct Seq<'a, I> {
    it: I,
    path: &'a str,
}

impl<'de, 'a, I: Iterator<Item = (usize, &'a Value)>> SeqAccess<'de> for Seq<'_, I> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.it.next() {
            None => Ok(None),
            Some((i, v)) => {
                let path = format!("{}[{i}]", self.path);
                seed.deserialize(De {
                    v,
                    path: path.clone(),
                })
                .map(Some)
                .map_err(|e| e.at(&path))
            }
        }
    }
}

struct Map<'a, I> {
    it: I,
    value: Option<(&'a str, &'a Value)>,
    path: &'a str,
}

impl<'de, 'a, I: Iterator<Item = (&'a String, &'a Value)>> MapAccess<'de> for Map<'a, I> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.it.next() {
            None => Ok(None),
            Some((k, v)) => {
                self.value = Some((k.as_str(), v));
                let path = if self.path.is_empty() {
                    k.clone()
                } else {
                    format!("{}.{k}", self.path)
                };
                seed.deserialize(k.as_str().into_deserializer())
                    .map(Some)
                    .map_err(|e: DeError| e.at(&path))
            }
        }
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let (k, v) = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("value before key"))?;
        let path = if self.path.is_empty() {
            k.to_string()
        } else {
            format!("{}.{k}", self.path)
        };
        seed.deserialize(De {
            v,
            path: path.clone(),
        })
        .map_err(|e| e.at(&path))
    }
}
