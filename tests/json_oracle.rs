//! The JSON reader and writer (`domain::Json`) agree with serde_json, the reference used as an
//! oracle here (a dev-dependency only: it is not in the bundle).
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{parse_json, Json, JsonErrorKind};
use proptest::prelude::*;

/// serde_json's value as ours (keys in serde_json's order, which is sorted).
fn from_serde(v: &serde_json::Value) -> Json {
    match v {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Number(n.to_string()),
        serde_json::Value::String(s) => Json::String(s.clone()),
        serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(m) => {
            Json::Object(m.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
        }
    }
}

/// Our value as serde_json's.
fn to_serde(v: &Json) -> serde_json::Value {
    match v {
        Json::Null => serde_json::Value::Null,
        Json::Bool(b) => serde_json::Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).expect("a number we wrote"),
        Json::String(s) => serde_json::Value::String(s.clone()),
        Json::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Json::Object(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
        }
    }
}

fn arb_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<u32>().prop_map(|n| Json::from_u64(n.into())),
        "\\PC{0,12}".prop_map(Json::String),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::btree_map("\\PC{0,8}", inner, 0..6)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn what_we_write_serde_json_reads_as_the_same_value(v in arb_json()) {
        for text in [v.to_compact(), v.to_pretty()] {
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&theirs, &to_serde(&v));
            prop_assert_eq!(&parse_json(&text).unwrap(), &v);
        }
    }

    #[test]
    fn what_serde_json_writes_we_read_as_the_same_value(v in arb_json()) {
        let theirs = to_serde(&v);
        for text in [serde_json::to_string(&theirs).unwrap(), serde_json::to_string_pretty(&theirs).unwrap()] {
            prop_assert_eq!(parse_json(&text).unwrap(), from_serde(&theirs));
        }
    }

    #[test]
    fn any_text_is_accepted_exactly_when_serde_json_accepts_it(text in "[ \\[\\]{}:,\"0-9a-z\\\\.eE+-]{0,24}") {
        let ours = parse_json(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match ours {
            Err(e) if matches!(e.kind, JsonErrorKind::DuplicateKey(_)) => {}
            Err(e) => prop_assert!(theirs.is_err(), "{text:?}: we refused ({e}), serde_json accepted"),
            Ok(v) => prop_assert_eq!(Ok(to_serde(&v)), theirs.map_err(|e| e.to_string()), "{:?}", text),
        }
    }

    #[test]
    fn no_text_makes_it_panic(text in any::<String>()) {
        let _ = parse_json(&text);
    }

    #[test]
    fn every_cut_of_a_valid_text_is_an_unexpected_end(v in arb_json(), cut in 0usize..1000) {
        let text = v.to_compact();
        prop_assume!(text.starts_with(['{', '[', '"']));
        let mut cut = cut % text.len();
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let e = parse_json(&text[..cut]).unwrap_err();
        prop_assert_eq!(e.kind, JsonErrorKind::UnexpectedEnd, "{:?}", &text[..cut]);
    }
}
