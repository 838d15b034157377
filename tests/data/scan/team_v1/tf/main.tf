resource "aws_ssm_parameter" "ding_url" {
  name  = "/otp/ding_url"
  type  = "String"
  value = "https://api.ding.live/v1"
}
