use mysql::OptsBuilder;

pub fn opts() -> OptsBuilder {
    OptsBuilder::new()
        .ip_or_hostname(Some("10.0.0.5"))
        .user(Some("app"))
        .pass(Some("«password-assignment:{{password}}»"))
        .db_name(Some("app"))
}

pub const DATABASE_URL: &str = "postgres://app:«connection-string-password:{{password}}»@10.0.0.7/app";
pub struct Config { pub password: Option<String>, pub access_key_secret: String }
