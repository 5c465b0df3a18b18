using System.Net;
using System.Net.Mail;

public static class Mailer
{
    public static SmtpClient Create() => new SmtpClient("smtp.exmail.qq.com", 587)
    {
        Credentials = new NetworkCredential("noreply@acme.cn", "«password-assignment:{{password}}»"),
        EnableSsl = true,
    };

    public static SmtpClient FromConfig(string user, string pass) => new SmtpClient("smtp.exmail.qq.com") { Credentials = new NetworkCredential(user, pass) };
}
