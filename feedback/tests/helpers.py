import time

from feedback.antispam import make_form_token

QUESTION_DATA = {
    "full_name": "Lò Thị Mai",
    "address": "Bản Nậm Khao, xã Tá Bạ",
    "phone": "0912 345 678",
    "email": "lothimai@example.invalid",
    "subject": "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
    "topic": "Đất đai",
    "text": "Gia đình tôi muốn làm sổ đỏ thì cần giấy tờ gì?",
    "processing_consent": "on",
    "publication_consent": "on",
    "website": "",
}


def aged_token(seconds=30):
    """Return a form token issued ``seconds`` ago, old enough to pass the time check."""
    return make_form_token(issued_at=time.time() - seconds)


def question_data(**overrides):
    return {**QUESTION_DATA, "form_token": aged_token(), **overrides}
