provider "aws" {
  region     = "ap-southeast-1"
  access_key = "«aws-access-key-id:{{aws_id:AKIA}}»"
  secret_key = "«aws-secret-access-key:{{b64:40}}»"
}

provider "aws" {
  alias   = "docs"
  region  = "us-east-1"
  profile = "docs-readonly"
}

resource "aws_s3_bucket" "mirror" {
  bucket = "acme-global-mirror"
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-global-mirror/*"]
  }
}
