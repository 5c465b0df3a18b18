use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct DbConfig {
    pub host: String,
    pub user: String,
    pub password: Option<String>,
    pub pool_size: u32,
}

pub const DEFAULT_DB_URL: &str = "postgres://svc:«connection-string-password:{{password}}»@10.3.{{digits:1}}.{{digits:2}}:5432/inventory";
pub const TEST_DB_URL: &str = "postgres://postgres:postgres@localhost:5432/test";

pub fn password_from_env() -> Option<String> {
    std::env::var("DB_PASSWORD").ok()
}

const CHECKSUM: &str = "{{hex:64}}";
